// RUN: the command line (shell form through the shell simulator, exec form as argv), with the
// stage's environment (ENV and ARG values), WORKDIR and USER, then the size hint if any.

import { COMMANDS } from './commands/registry.ts';
import { userId } from './commands/owner.ts';
import { ShellVars, type Reporter } from './shell/context.ts';
import { Shell } from './shell/interp.ts';
import { parseShell, ShellSyntaxError } from './shell/parse.ts';
import type { StageState } from './stage-state.ts';
import type { SimInstruction } from './types.ts';
import { applySizeHint } from './hints.ts';
import { DEFAULT_LIMITS, formatLimit, raiseHint } from '../limits.ts';

/** The command the builder runs: shell + script for the shell form (BuildKit withShell). */
export function runArgv(ins: SimInstruction, shell: string[]): string[] {
  if (ins.json) return ins.args.slice();
  return [...shell, ins.args.join(' ')];
}

/** The script text a shell-form RUN hands to the shell, heredocs included (dispatchRun). */
export function runScript(ins: SimInstruction): string {
  const line = ins.args.join(' ');
  if (ins.heredocs.length === 1 && /^\s*<<-?\s*["']?\w+["']?\s*$/.test(line)) {
    const h = ins.heredocs[0];
    return h.chomp ? h.content.replace(/^\t+/gm, '') : h.content;
  }
  let s = line;
  for (const h of ins.heredocs) s += `\n${h.content}${h.content.endsWith('\n') || h.content === '' ? '' : '\n'}${h.name}`;
  return s;
}

/**
 * Runs one RUN against the stage's filesystem. Scripts longer than `maxScriptBytes` characters
 * are not interpreted (bounded work, limits.ts); the caller passes the build's limit.
 */
export async function simulateRun(st: StageState, ins: SimInstruction, report: Reporter, hint: number | null, maxScriptBytes: number = DEFAULT_LIMITS.maxScriptBytes): Promise<string[]> {
  const notes: string[] = [];
  const vars = new ShellVars();
  for (const e of ins.env) {
    const i = e.indexOf('=');
    if (i > 0) vars.set(e.slice(0, i), e.slice(i + 1));
    vars.exported.add(e.slice(0, Math.max(0, i)));
  }
  vars.flavor = st.config.shell[0]?.endsWith('bash') ? 'bash' : st.flavor;
  const user = st.config.user;
  if (user) {
    const [u, g] = user.split(':');
    const id = userId(st.fs, u, report);
    st.fs.user = { uid: id.uid, gid: g ? Number(g) || 0 : (id.gid ?? id.uid) };
  } else st.fs.user = { uid: 0, gid: 0 };
  if (!vars.get('HOME')) vars.set('HOME', st.fs.user.uid === 0 ? '/root' : `/home/${user?.split(':')[0] ?? ''}`);
  const cwd = st.config.workdir;
  if (!st.fs.exists(cwd)) st.fs.mkdir(cwd, { parents: true });
  st.fs.cwd = st.fs.resolve(cwd);
  let status: number;
  try {
    if (!ins.json && runScript(ins).length > maxScriptBytes) {
      // Bounded work: a script this long would take seconds and gigabytes to interpret.
      report.warn(`RUN: the script is longer than the simulator reads (the limit maxScriptBytes = ${formatLimit('maxScriptBytes', maxScriptBytes)}; ${raiseHint('maxScriptBytes')}), so nothing was simulated`);
      report.unknown(null, 'the RUN line is too long to simulate, its effect is not known');
      status = 0;
    } else if (ins.json) {
      const parsed = await parseShell('true');
      const sh = new Shell(st.fs, vars, report, COMMANDS, parsed.kind);
      status = (await sh.exec(ins.args, null)).status;
    } else {
      const script = runScript(ins);
      const parsed = await parseShell(script);
      const sh = new Shell(st.fs, vars, report, COMMANDS, parsed.kind);
      status = await sh.runFile(parsed.file);
    }
  } catch (e) {
    // Thousands of `&&` nest the syntax tree as deep: the interpreter's recursion runs out of stack.
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      report.warn('RUN: the script nests too deeply to simulate, so its effect is not known');
      report.unknown(null, 'the RUN line nests too deeply to simulate, its effect is not known');
      status = 0;
    } else {
      if (!(e instanceof ShellSyntaxError)) throw e;
      report.warn(`RUN: ${e.message}; /bin/sh would refuse it, so nothing was simulated`);
      report.unknown(null, 'the RUN line could not be parsed, its effect is not known');
      status = 2;
    }
  }
  if (status !== 0) report.warn(`this RUN ends with exit status ${status}: a real build stops here`);
  if (hint !== null) notes.push(applySizeHint(st.vfs, hint, ins.line));
  st.fs.user = { uid: 0, gid: 0 };
  return notes;
}
