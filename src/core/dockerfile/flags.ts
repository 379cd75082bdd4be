// Builder flags per instruction, checked as BuildKit's BFlags does (instructions/bflag.go):
// unknown flags, a value missing on a string flag, a bad boolean, a non-repeatable flag given
// twice. The flags each instruction takes follow the Dockerfile reference (frontend 1.x stable).
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/instructions/bflag.go
// https://docs.docker.com/reference/dockerfile/

import { InstructionError } from './errors.ts';
import { suggest } from './suggest.ts';

type FlagType = 'bool' | 'string' | 'strings';

const FLAGS: Record<string, Record<string, FlagType>> = {
  add: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool', exclude: 'strings' },
  copy: { chown: 'string', chmod: 'string', from: 'string', link: 'bool', exclude: 'strings', parents: 'bool' },
  from: { platform: 'string' },
  run: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  healthcheck: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

export interface Flag {
  name: string;
  /** the value after '='; "true"/"false" for a boolean flag written bare or with a value */
  value: string;
  /** as written */
  raw: string;
}

/** Parse an instruction's flags; throws Error worded as BuildKit's. */
export function parseFlags(keyword: string, raw: readonly string[]): Flag[] {
  const spec = FLAGS[keyword] ?? {};
  const seen = new Set<string>();
  const out: Flag[] = [];
  for (const a of raw) {
    if (!a.startsWith('--')) throw new InstructionError(`arg should start with -- : ${a}`);
    const body = a.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const value = eq < 0 ? '' : body.slice(eq + 1);
    const type = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!type) {
      const hint = suggest(name, Object.keys(spec));
      throw new InstructionError(`unknown flag: ${name}${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
    if (seen.has(name) && type !== 'strings') throw new InstructionError(`duplicate flag specified: ${name}`);
    seen.add(name);
    if (type === 'bool') {
      if (eq >= 0 && value === '') throw new InstructionError(`missing a value on flag: ${name}`);
      const v = value.toLowerCase();
      if (v !== '' && v !== 'true' && v !== 'false') throw new InstructionError(`expecting boolean value for flag ${name}, not: ${value}`);
      out.push({ name, value: v === 'false' ? 'false' : 'true', raw: a });
    } else {
      if (eq < 0) throw new InstructionError(`missing a value on flag: ${name}`);
      out.push({ name, value, raw: a });
    }
  }
  return out;
}

export const flagValue = (flags: readonly Flag[], name: string): string | undefined => flags.find((f) => f.name === name)?.value;
