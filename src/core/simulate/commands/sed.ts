// The part of sed(1) a Dockerfile usually uses on config files: `s/RE/REPL/[g][I]` (any
// delimiter) and `/RE/d`, with basic (BRE) or extended (-E) regular expressions translated to
// JavaScript ones. Anything else returns null: the caller then keeps the size and says the edit
// was not simulated.

function breToJs(re: string, ere: boolean): string {
  if (ere) return re;
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      if ('(){}|+?'.includes(n)) out += n;
      else out += `\\${n}`;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

function replacement(repl: string): string {
  // sed: & is the match, \1..\9 groups, \n newline; JS: $&, $1.
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && i + 1 < repl.length) {
      const n = repl[++i];
      out += /\d/.test(n) ? `$${n}` : n === 'n' ? '\n' : n === '&' ? '&' : n;
    } else if (c === '&') out += '$&';
    else if (c === '$') out += '$$';
    else out += c;
  }
  return out;
}

function splitDelimited(s: string, delim: string): string[] | null {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      if (s[i + 1] === delim) {
        cur += delim;
        i++;
        continue;
      }
      cur += c + s[++i];
      continue;
    }
    if (c === delim) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts.length === 3 ? parts : null;
}

export function sedInPlace(text: string, scripts: string[], ere: boolean): string | null {
  const commands = scripts.flatMap((s) => s.split(/\n|;(?=\s*(?:s|\/))/)).map((s) => s.trim()).filter(Boolean);
  let lines = text.split(/(?<=\n)/);
  for (const cmd of commands) {
    if (cmd.startsWith('s') && cmd.length > 1) {
      const parts = splitDelimited(cmd.slice(2), cmd[1]);
      if (!parts) return null;
      const [re, repl, flags] = parts;
      if (!/^[gIp0-9]*$/.test(flags)) return null;
      let regex: RegExp;
      try {
        regex = new RegExp(breToJs(re, ere), `${flags.includes('g') ? 'g' : ''}${flags.includes('I') ? 'i' : ''}`);
      } catch {
        return null;
      }
      const r = replacement(repl);
      lines = lines.map((l) => {
        const nl = l.endsWith('\n') ? '\n' : '';
        return l.slice(0, l.length - nl.length).replace(regex, r) + nl;
      });
      continue;
    }
    const del = /^\/(.*)\/d$/.exec(cmd);
    if (del) {
      let regex: RegExp;
      try {
        regex = new RegExp(breToJs(del[1], ere));
      } catch {
        return null;
      }
      lines = lines.filter((l) => !regex.test(l.replace(/\n$/, '')));
      continue;
    }
    return null;
  }
  return lines.join('');
}
