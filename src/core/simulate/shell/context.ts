// What shell commands see while a RUN line is simulated: the filesystem, the variables, stdin,
// and a reporter for what the simulation cannot know (sizes, command effects) so the UI can say
// why a size is an estimate.

import type { Content } from '../vfs/content.ts';
import type { FsOps } from '../vfs/fs-ops.ts';
import type { ShStmt } from './parse.ts';

export interface Reporter {
  /** a size the simulation cannot know: for `path`, or for the whole step when null */
  unknown(path: string | null, reason: string): void;
  /** something the step did, in words (a cache kept, a package installed, …) */
  note(text: string): void;
  /** a problem a real build would hit (a command that fails), not a reason to stop */
  warn(text: string): void;
}

export interface CommandResult {
  status: number;
  /** what the command writes to its standard output (EMPTY when nothing) */
  stdout?: Content;
}

export class ShellVars {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  readonly functions = new Map<string, ShStmt>();
  positional: string[] = [];
  status = 0;
  errexit = false;
  nounset = false;
  /** which /bin/sh this is: dash always interprets echo escapes, ash and bash need -e */
  flavor: 'ash' | 'dash' | 'bash' = 'ash';

  constructor(env: Iterable<[string, string]> = []) {
    for (const [k, v] of env) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
  }

  get(name: string): string | undefined {
    return this.vars.get(name);
  }

  set(name: string, value: string): void {
    this.vars.set(name, value);
  }

  clone(): ShellVars {
    const c = new ShellVars();
    for (const [k, v] of this.vars) c.vars.set(k, v);
    for (const k of this.exported) c.exported.add(k);
    for (const [k, v] of this.functions) c.functions.set(k, v);
    c.positional = this.positional.slice();
    c.status = this.status;
    c.errexit = this.errexit;
    c.nounset = this.nounset;
    c.flavor = this.flavor;
    return c;
  }
}

export interface CommandContext {
  /** argv[0] is the command name as written */
  argv: string[];
  fs: FsOps;
  vars: ShellVars;
  stdin: Content | null;
  report: Reporter;
  /** runs a command line in a subshell (sh -c, eval) */
  runScript(src: string, positional?: string[]): Promise<CommandResult>;
  /** runs argv as a simple command (env, xargs, sudo, nohup, …) */
  runArgv(argv: string[], stdin: Content | null): Promise<CommandResult>;
}

export type CommandFn = (ctx: CommandContext) => CommandResult | Promise<CommandResult>;

/** `exit N`, or a failure under `set -e`: unwinds to the end of the script or subshell. */
export class ExitSignal {
  constructor(readonly status: number) {}
}
