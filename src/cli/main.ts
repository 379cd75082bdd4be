// layerscope CLI entry: dispatches a command; bad input is one clear line on stderr and exit 2
// (DESIGN.md "CLI contract"), anything else is a bug and prints its stack with exit 1.

import { InputError } from '../core/errors.ts';
import { USAGE, UsageError } from './args.ts';
import { analyze } from './commands/analyze.ts';
import { ci } from './commands/ci.ts';
import { parse } from './commands/parse.ts';
import { simulate } from './commands/simulate.ts';
import { readpath } from './commands/readpath.ts';

// A command may return its exit code (ci: 1 when a rule fails); nothing means 0.
const commands: Record<string, (argv: string[], out: (s: string) => void) => Promise<void | number>> = { analyze, readpath, parse, ci, simulate };

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const code = await command(rest, (s) => process.stdout.write(`${s}\n`));
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`layerscope: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`layerscope: ${oneLine(e.message)}\n`);
      return 2;
    }
    process.stderr.write(`layerscope: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

/** Names inside an input may hold newlines and control characters: the error stays one line. */
function oneLine(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 && c !== 0x7f && c !== 0x2028 && c !== 0x2029) out += ch;
    else out += ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
