// printf(1) and echo(1) text, as POSIX says (XCU printf: the format is reused until the
// arguments are used up) and as the shells differ for echo: bash and busybox ash interpret
// escapes only with -e; dash always interprets them and has no -e.

function escapes(s: string, stopAtC: { stop: boolean }): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'" };
    if (n in map) out += map[n];
    else if (n === 'c') {
      stopAtC.stop = true;
      return out;
    } else if (n === '0' || /[1-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(n === '0' ? i + 1 : i))!;
      const digits = m ? m[0] : '';
      out += String.fromCharCode(parseInt(digits || '0', 8));
      i += n === '0' ? digits.length : digits.length - 1;
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else out += `\\${n}`;
  }
  return out;
}

export function interpretEscapes(s: string): { text: string; stop: boolean } {
  const flag = { stop: false };
  const text = escapes(s, flag);
  return { text, stop: flag.stop };
}

function toNumber(a: string | undefined): number {
  if (a === undefined || a === '') return 0;
  if (/^['"]/.test(a)) return a.codePointAt(1) ?? 0;
  const n = Number(a);
  return Number.isFinite(n) ? Math.trunc(n) : parseInt(a, 10) || 0;
}

export function formatPrintf(format: string, args: string[]): string {
  let out = '';
  let ai = 0;
  const stop = { stop: false };
  do {
    let used = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(format.slice(i));
        const piece = m ? m[0] : '\\';
        out += escapes(piece, stop);
        if (stop.stop) return out;
        i += piece.length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXcsbeEfgG%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const conv = m[4];
      if (conv === '%') {
        out += '%';
        continue;
      }
      used = true;
      const width = m[2] === '*' ? toNumber(args[ai++]) : m[2] ? Number(m[2]) : 0;
      const prec = m[3] === '*' ? toNumber(args[ai++]) : m[3] !== undefined ? Number(m[3] || '0') : null;
      const arg = args[ai++];
      let piece: string;
      switch (conv) {
        case 's':
          piece = arg ?? '';
          if (prec !== null) piece = piece.slice(0, prec);
          break;
        case 'b': {
          const r = escapes(arg ?? '', stop);
          piece = r;
          break;
        }
        case 'c':
          piece = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u':
          piece = String(toNumber(arg));
          if (prec !== null) piece = piece.padStart(prec, '0');
          break;
        case 'o':
          piece = toNumber(arg).toString(8);
          break;
        case 'x':
          piece = toNumber(arg).toString(16);
          break;
        case 'X':
          piece = toNumber(arg).toString(16).toUpperCase();
          break;
        default:
          piece = Number(arg ?? 0).toFixed(prec ?? 6);
      }
      const flags = m[1];
      if (piece.length < width) piece = flags.includes('-') ? piece.padEnd(width) : flags.includes('0') && conv !== 's' ? piece.padStart(width, '0') : piece.padStart(width);
      out += piece;
      if (stop.stop) return out;
    }
    if (!used) break;
  } while (ai < args.length);
  return out;
}

/** echo: `escapesAlways` for dash (it has no -e and always interprets backslashes). */
export function formatEcho(args: string[], escapesAlways: boolean): string {
  let newline = true;
  let esc = escapesAlways;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    if (escapesAlways && a !== '-n') break;
    if (a.includes('n')) newline = false;
    if (!escapesAlways) {
      if (a.includes('e')) esc = true;
      if (a.includes('E')) esc = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (esc) {
    const r = interpretEscapes(text);
    text = r.text;
    if (r.stop) return text;
  }
  return newline ? `${text}\n` : text;
}
