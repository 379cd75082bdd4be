// Word expansion as sh performs it (XCU 2.6): tilde, parameter expansion (with the `${v:-w}`,
// `${v#p}`, `${v/p/r}`, `${#v}`, `${v:o:l}` forms), command substitution (run in the simulator,
// its output used when known), arithmetic, then field splitting of unquoted results on IFS and
// pathname expansion against the virtual filesystem. Quoting is tracked per segment so that
// quoted glob characters stay literal (they are backslash-escaped in patterns).

import { contentText } from '../vfs/content.ts';
import type { FsOps } from '../vfs/fs-ops.ts';
import { ExitSignal, type CommandResult, type Reporter, type ShellVars } from './context.ts';
import { globPaths } from './glob.ts';
import { Op } from './ops.ts';
import type sh from 'mvdan-sh';
import { hasGlob, removeAffix, replacePattern, unescapePattern } from './pattern.ts';

export interface ExpandEnv {
  fs: FsOps;
  /** the variables in force now (a subshell swaps them) */
  getVars(): ShellVars;
  report: Reporter;
  kind(node: sh.Node): string;
  /** runs the statements of a $(…) in a subshell */
  subst(stmts: (sh.Stmt | null)[]): Promise<CommandResult>;
}

interface Seg {
  text: string;
  quoted: boolean;
}

const GLOB_CHARS = /[*?[\]\\]/g;

function escapeGlob(s: string): string {
  return s.replace(GLOB_CHARS, '\\$&');
}

function ansiC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return map[e] ?? `\\${e}`;
  });
}

function unescapeLit(s: string, inDouble: boolean): Seg[] {
  const out: Seg[] = [];
  let plain = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      const n = s[i + 1];
      if (n === '\n') {
        i++;
        continue;
      }
      if (!inDouble || '$`"\\'.includes(n)) {
        if (plain) out.push({ text: plain, quoted: inDouble });
        plain = '';
        out.push({ text: n, quoted: true });
        i++;
        continue;
      }
    }
    plain += c;
  }
  if (plain) out.push({ text: plain, quoted: inDouble });
  return out;
}

export class Expander {
  constructor(private readonly env: ExpandEnv) {}

  private get vars(): ShellVars {
    return this.env.getVars();
  }

  private special(name: string): string | undefined {
    const v = this.vars;
    switch (name) {
      case '?':
        return String(v.status);
      case '#':
        return String(v.positional.length);
      case '@':
      case '*':
        return v.positional.join(' ');
      case '$':
        return '1';
      case '!':
        return '';
      case '-':
        return v.errexit ? 'e' : '';
      case '0':
        return '/bin/sh';
    }
    if (/^[1-9][0-9]*$/.test(name)) return v.positional[Number(name) - 1];
    return v.get(name);
  }

  private async segs(word: sh.Word, inDouble = false, first = true): Promise<Seg[]> {
    const out: Seg[] = [];
    const parts = word.Parts;
    for (let i = 0; i < parts.length; i++) out.push(...(await this.part(parts[i], inDouble, first && i === 0)));
    return out;
  }

  private async part(p: sh.Node, inDouble: boolean, atStart: boolean): Promise<Seg[]> {
    const k = this.env.kind(p);
    switch (k) {
      case 'Lit': {
        let value = (p as sh.Lit).Value;
        const pre: Seg[] = [];
        if (!inDouble && atStart && value.startsWith('~')) {
          const m = /^~([^/]*)/.exec(value)!;
          if (m[1] === '') {
            pre.push({ text: this.vars.get('HOME') ?? '/root', quoted: true });
            value = value.slice(1);
          }
        }
        return [...pre, ...unescapeLit(value, inDouble)];
      }
      case 'SglQuoted': {
        const q = p as sh.SglQuoted;
        return [{ text: q.Dollar ? ansiC(q.Value) : q.Value, quoted: true }];
      }
      case 'DblQuoted': {
        const q = p as sh.DblQuoted;
        const out: Seg[] = [{ text: '', quoted: true }];
        for (const part of q.Parts) for (const s of await this.part(part, true, false)) out.push({ text: s.text, quoted: true });
        return out;
      }
      case 'ParamExp':
        return [{ text: await this.param(p as sh.ParamExp), quoted: inDouble }];
      case 'CmdSubst': {
        const r = await this.env.subst((p as sh.CmdSubst).Stmts);
        const text = r.stdout ? contentText(r.stdout) : '';
        if (text === null) this.env.report.note('the output of a $(…) command substitution is not known; an empty string was used');
        return [{ text: (text ?? '').replace(/\n+$/, ''), quoted: inDouble }];
      }
      case 'ArithmExp':
        return [{ text: String(await this.arith((p as sh.ArithmExp).X)), quoted: inDouble }];
      case 'ProcSubst':
        this.env.report.note('process substitution <(…) is not simulated');
        return [{ text: '/dev/fd/63', quoted: true }];
      case 'ExtGlob':
        return [{ text: (p as sh.ExtGlob).Pattern?.Value ?? '', quoted: false }];
      default:
        return [];
    }
  }

  private async param(pe: sh.ParamExp): Promise<string> {
    const name = pe.Param?.Value ?? '';
    let value = this.special(name);
    if (pe.Excl && value !== undefined) value = this.special(value);
    if (pe.Length) return String((value ?? '').length);
    if (value === undefined && this.vars.nounset && !pe.Exp) {
      this.env.report.warn(`${name}: parameter not set`);
      throw new ExitSignal(1);
    }
    if (pe.Slice) {
      const v = value ?? '';
      let off = pe.Slice.Offset ? await this.arith(pe.Slice.Offset) : 0;
      if (off < 0) off = Math.max(0, v.length + off);
      const len = pe.Slice.Length ? await this.arith(pe.Slice.Length) : v.length - off;
      return v.slice(off, len < 0 ? v.length + len : off + len);
    }
    if (pe.Repl) {
      const orig = pe.Repl.Orig ? await this.pattern(pe.Repl.Orig) : '';
      const withText = pe.Repl.With ? await this.string(pe.Repl.With) : '';
      return replacePattern(value ?? '', orig, withText, pe.Repl.All);
    }
    if (!pe.Exp) return value ?? '';
    const op = pe.Exp.Op;
    const word = pe.Exp.Word;
    const arg = async (): Promise<string> => (word ? this.string(word) : '');
    const unsetOrNull = value === undefined || value === '';
    switch (op) {
      case Op.minus:
        return value === undefined ? arg() : value;
      case Op.colMinus:
        return unsetOrNull ? arg() : value!;
      case Op.plus:
        return value === undefined ? '' : arg();
      case Op.colPlus:
        return unsetOrNull ? '' : arg();
      case Op.assgn:
      case Op.colAssgn: {
        if (op === Op.assgn ? value === undefined : unsetOrNull) {
          const v = await arg();
          this.vars.set(name, v);
          return v;
        }
        return value!;
      }
      case Op.quest:
      case Op.colQuest:
        if (op === Op.quest ? value === undefined : unsetOrNull) {
          this.env.report.warn(`${name}: ${(await arg()) || 'parameter null or not set'}`);
          throw new ExitSignal(1);
        }
        return value!;
      case Op.hash:
      case Op.dblHash:
      case Op.perc:
      case Op.dblPerc: {
        const pat = word ? await this.pattern(word) : '';
        return removeAffix(value ?? '', pat, op === Op.perc || op === Op.dblPerc, op === Op.dblHash || op === Op.dblPerc);
      }
      default:
        this.env.report.note(`a \${…} expansion form that is not simulated was left as the plain value of ${name}`);
        return value ?? '';
    }
  }

  /** Arithmetic expansion: integers, the C operators sh supports. */
  async arith(x: sh.ArithmExpr | null): Promise<number> {
    if (!x) return 0;
    const k = this.env.kind(x);
    if (k === 'Word') {
      const s = (await this.string(x as sh.Word)).trim();
      if (/^-?\d+$/.test(s)) return Number(s);
      if (/^0x[0-9a-f]+$/i.test(s)) return parseInt(s, 16);
      if (/^[A-Za-z_]\w*$/.test(s)) return Number(this.vars.get(s) ?? 0) || 0;
      return 0;
    }
    if (k === 'ParenArithm') return this.arith((x as sh.ParenArithm).X);
    if (k === 'UnaryArithm') {
      const u = x as sh.UnaryArithm;
      const v = await this.arith(u.X);
      switch (u.Op) {
        case Op.exclMark:
          return v ? 0 : 1;
        case Op.minus:
          return -v;
        case Op.addAdd:
        case Op.subSub: {
          const name = this.env.kind(u.X) === 'Word' ? (u.X as sh.Word).Lit() : '';
          const next = v + (u.Op === Op.addAdd ? 1 : -1);
          if (name) this.vars.set(name, String(next));
          return u.Post ? v : next;
        }
        default:
          return v;
      }
    }
    if (k === 'BinaryArithm') {
      const b = x as sh.BinaryArithm;
      if (b.Op === Op.assgn && this.env.kind(b.X) === 'Word') {
        const v = await this.arith(b.Y);
        this.vars.set((b.X as sh.Word).Lit(), String(v));
        return v;
      }
      const l = await this.arith(b.X);
      const r = await this.arith(b.Y);
      switch (b.Op) {
        case Op.plus: return l + r;
        case Op.minus: return l - r;
        case Op.star: return l * r;
        case Op.slash: return r === 0 ? 0 : Math.trunc(l / r);
        case Op.perc: return r === 0 ? 0 : l % r;
        case Op.power: return l ** r;
        case Op.lss: return l < r ? 1 : 0;
        case Op.gtr: return l > r ? 1 : 0;
        case Op.lequal: return l <= r ? 1 : 0;
        case Op.gequal: return l >= r ? 1 : 0;
        case Op.equal: return l === r ? 1 : 0;
        case Op.nequal: return l !== r ? 1 : 0;
        case Op.andAnd: return l && r ? 1 : 0;
        case Op.orOr: return l || r ? 1 : 0;
        default: return 0;
      }
    }
    return 0;
  }

  /** A word as one string: no field splitting, no pathname expansion (assignments, redirections). */
  async string(word: sh.Word): Promise<string> {
    return (await this.segs(word)).map((s) => s.text).join('');
  }

  /** A word as a pattern: quoted characters escaped (case, [[ == ]], ${v#p}). */
  async pattern(word: sh.Word): Promise<string> {
    return (await this.segs(word)).map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('');
  }

  /** Words as command arguments: field splitting on IFS, then pathname expansion. */
  async fields(words: (sh.Word | null)[]): Promise<string[]> {
    const ifs = this.vars.get('IFS') ?? ' \t\n';
    const out: string[] = [];
    for (const w of words) {
      if (!w) continue;
      const segs = await this.segs(w);
      // Build fields: unquoted text from expansions splits on IFS; literal text never does, but
      // the parser already separated literal words, so splitting unquoted text is equivalent.
      const fields: { text: string; pattern: string; any: boolean }[] = [];
      let cur = { text: '', pattern: '', any: false };
      let started = false;
      for (const s of segs) {
        if (s.quoted) {
          cur.text += s.text;
          cur.pattern += escapeGlob(s.text);
          started = true;
          continue;
        }
        for (const ch of s.text) {
          if (ifs.includes(ch)) {
            if (started) fields.push(cur);
            cur = { text: '', pattern: '', any: false };
            started = false;
          } else {
            cur.text += ch;
            cur.pattern += ch;
            started = true;
          }
        }
      }
      if (started) fields.push(cur);
      for (const f of fields) {
        if (hasGlob(f.pattern)) {
          const matches = globPaths(this.env.fs, f.pattern);
          if (matches.length) {
            out.push(...matches);
            continue;
          }
          out.push(unescapePattern(f.pattern));
          continue;
        }
        out.push(f.text);
      }
    }
    return out;
  }
}
