// The CLI's say over the reading limits (src/core/limits.ts): `--limit NAME=VALUE` for any of
// them, and short flags for the ones people raise most. A limit's error message names its flag.

import { LIMIT_FLAGS, LIMIT_NAMES, parseLimitValue, withLimits, type LimitName, type Limits } from '../core/limits.ts';
import { UsageError } from './args.ts';

const SHORT = Object.entries(LIMIT_FLAGS) as [LimitName, string][];

/** parseArgs options for the limits; spread into a command's options. */
export const LIMIT_OPTIONS = {
  limit: { type: 'string', multiple: true },
  ...Object.fromEntries(SHORT.map(([, flag]) => [flag.slice(2), { type: 'string' }])),
} as Record<string, { type: 'string'; multiple?: boolean }>;

function value(name: LimitName, text: string, flag: string): number {
  const v = parseLimitValue(text);
  if (v === null) throw new UsageError(`${flag} takes a positive number${name.endsWith('Bytes') ? ' (K, M, G, T allowed)' : ''}, got "${text}"`);
  return v;
}

/** The limits the flags change, checked; an empty object when none is given. */
export function limitsFrom(values: Record<string, unknown>): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const [name, flag] of SHORT) {
    const text = values[flag.slice(2)];
    if (typeof text === 'string') out[name] = value(name, text, flag);
  }
  for (const kv of (values.limit as string[] | undefined) ?? []) {
    const eq = kv.indexOf('=');
    const name = kv.slice(0, Math.max(0, eq)) as LimitName;
    if (eq <= 0 || !LIMIT_NAMES.includes(name)) throw new UsageError(`--limit takes NAME=VALUE with NAME one of ${LIMIT_NAMES.join(', ')}; got "${kv}"`);
    out[name] = value(name, kv.slice(eq + 1), `--limit ${name}`);
  }
  withLimits(out); // throws only on a bug here: every value was checked above
  return out;
}
