// The CLI's say over content hashing (core/layers/hash-mode.ts): by default 'auto', which hashes
// the layers whose bytes are decompressed anyway (gzip/zstd) and not plain layer tars, where it
// would cost +47% of the read time (bench/hash-cost.ts); `--hash` hashes every layer, `--no-hash`
// none. Node 20's parseArgs has no negated booleans, so `--no-hash` is its own flag.

import { DEFAULT_HASH_MODE, hashSetting, type HashSetting } from '../core/layers/hash-mode.ts';
import { UsageError } from './args.ts';

/** parseArgs options for hashing; spread into a command's options. */
export const HASH_OPTIONS = {
  hash: { type: 'boolean' },
  'no-hash': { type: 'boolean' },
} as const;

export function hashFrom(values: { hash?: boolean; 'no-hash'?: boolean }): HashSetting {
  if (values.hash && values['no-hash']) throw new UsageError('--hash and --no-hash are exclusive: choose one');
  if (values.hash) return true;
  if (values['no-hash']) return false;
  return hashSetting(DEFAULT_HASH_MODE);
}
