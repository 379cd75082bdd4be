// Every command the RUN simulation knows, by name. A name not here runs as "unknown" (interp.ts):
// it succeeds and the step says its effect is not simulated.

import type { CommandFn } from '../shell/context.ts';
import { ARCHIVE_COMMANDS } from './archive-commands.ts';
import { BUILTINS } from './builtins.ts';
import { DOWNLOAD_COMMANDS } from './download-commands.ts';
import { FS_COMMANDS } from './fs-commands.ts';
import { PACKAGE_COMMANDS } from './package-commands.ts';
import { USER_COMMANDS } from './user-commands.ts';
import { WRITE_COMMANDS } from './write-commands.ts';

/** python -m pip …: pip; anything else a Python program does is not known. */
const python: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const m = args.indexOf('-m');
  if (m >= 0 && (args[m + 1] === 'pip' || args[m + 1] === 'pip3')) return ctx.runArgv(['pip', ...args.slice(m + 2)], ctx.stdin);
  if (args.length === 0 || args[0] === '--version' || args[0] === '-V') return { status: 0 };
  ctx.report.unknown(null, `\`${ctx.argv.join(' ').slice(0, 80)}\` runs a program whose effects are not simulated`);
  return { status: 0 };
};

export const COMMANDS: ReadonlyMap<string, CommandFn> = new Map(
  Object.entries({
    ...BUILTINS,
    ...FS_COMMANDS,
    ...WRITE_COMMANDS,
    ...ARCHIVE_COMMANDS,
    ...DOWNLOAD_COMMANDS,
    ...PACKAGE_COMMANDS,
    ...USER_COMMANDS,
    python,
    python3: python,
  }),
);
