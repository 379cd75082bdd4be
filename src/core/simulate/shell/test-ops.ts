// Conditional expressions: `[[ … ]]` (TestClause) and the `test`/`[` builtin's operators
// (-e -f -d -L -s -z -n, = != ==, -eq -ne -lt -gt -le -ge), against the virtual filesystem.

import type sh from 'mvdan-sh';
import type { FsOps } from '../vfs/fs-ops.ts';
import type { Expander } from './expand.ts';
import { Op } from './ops.ts';
import { matchPattern } from './pattern.ts';

export async function evalTest(x: sh.TestExpr | null, fs: FsOps, ex: Expander, kind: (n: sh.Node) => string): Promise<boolean> {
  if (!x) return false;
  const k = kind(x);
  if (k === 'Word') return (await ex.string(x as sh.Word)) !== '';
  if (k === 'ParenTest') return evalTest((x as sh.ParenTest).X, fs, ex, kind);
  if (k === 'UnaryTest') {
    const u = x as sh.UnaryTest;
    if (u.Op === Op.exclMark) return !(await evalTest(u.X, fs, ex, kind));
    const arg = await ex.string(u.X as sh.Word);
    return unaryTest(fs, u.Op, arg);
  }
  const b = x as sh.BinaryTest;
  if (b.Op === Op.andAnd) return (await evalTest(b.X, fs, ex, kind)) && evalTest(b.Y, fs, ex, kind);
  if (b.Op === Op.orOr) return (await evalTest(b.X, fs, ex, kind)) || evalTest(b.Y, fs, ex, kind);
  const l = await ex.string(b.X as sh.Word);
  if (b.Op === Op.tsMatch || b.Op === Op.tsMatchShort || b.Op === Op.tsNoMatch) {
    const m = matchPattern(await ex.pattern(b.Y as sh.Word), l);
    return b.Op === Op.tsNoMatch ? !m : m;
  }
  const r = await ex.string(b.Y as sh.Word);
  return binaryTest(b.Op, l, r);
}

export function isDevice(path: string): boolean {
  return path === '/dev/null' || path === '/dev/stdout' || path === '/dev/stderr' || path === '/proc/self/fd/1' || path === '/proc/self/fd/2';
}

export function unaryTest(fs: FsOps, op: number, arg: string): boolean {
  const node = (follow: boolean) => {
    try {
      return fs.lookup(arg, follow).node;
    } catch {
      return undefined;
    }
  };
  switch (op) {
    case Op.tsExists:
      return node(true) !== undefined;
    case Op.tsRegFile:
      return node(true)?.kind === 'file';
    case Op.tsDirect:
      return node(true)?.kind === 'dir';
    case Op.tsSmbLink:
      return node(false)?.kind === 'symlink';
    case Op.tsNoEmpty:
      return (node(true)?.content?.size ?? 0) > 0 || node(true)?.kind === 'dir';
    case Op.tsEmpStr:
      return arg === '';
    case Op.tsNempStr:
      return arg !== '';
    default:
      return node(true) !== undefined;
  }
}

export function binaryTest(op: number, l: string, r: string): boolean {
  const a = Number(l);
  const b = Number(r);
  switch (op) {
    case Op.tsEql: return a === b;
    case Op.tsNeq: return a !== b;
    case Op.tsLss: return a < b;
    case Op.tsGtr: return a > b;
    case Op.tsLeq: return a <= b;
    case Op.tsGeq: return a >= b;
    default: return l === r;
  }
}
