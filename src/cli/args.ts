// Command-line arguments: a thin layer over node:util parseArgs that turns misuse into one clear
// line (exit 2), as every other bad input.

import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `usage:
  layerscope analyze IMAGE.tar [--platform OS/ARCH] [--image REF] [--json [--format layerscope|dive]] [--files] [--merged]
                [--hash | --no-hash]
  layerscope simulate Dockerfile [--base IMAGE.tar] [--context DIR] [--target STAGE] [--build-arg K=V]...
                [--builder buildkit|buildah] [--json] [--files] [--merged] [--limit NAME=VALUE]...
  layerscope readpath (IMAGE.tar | Dockerfile) PATH [--layer K] [--json] [--base IMAGE.tar] [--context DIR]
  layerscope parse Dockerfile [--json | --dump]
  layerscope ci (IMAGE.tar | Dockerfile) [--config .dive-ci] [--lowest-efficiency R] [--highest-wasted-bytes SIZE]
                [--highest-user-wasted-percent R] [--figures layerscope|dive] [--base-layers N] [--hash | --no-hash]
                [--json | --markdown] [--image REF] [--platform OS/ARCH]
                [--base IMAGE.tar] [--context DIR] [--target STAGE] [--build-arg K=V]... [--builder buildkit|buildah]
    exit 0: every rule passes, 1: a rule fails, 2: bad input or a misconfigured rule

analyze, simulate, readpath and ci take limits on what an input may make them do (the defaults
read any real image or Dockerfile; an error or warning names the limit it hit): --max-entries N
--max-total-entries N --max-layers N --max-bytes SIZE --max-ratio R --max-path BYTES --max-json SIZE
--max-instructions N (Dockerfile instructions), or --limit NAME=VALUE for any limit of
src/core/limits.ts (repeatable; e.g. --limit maxScriptBytes=256K, the longest RUN script
simulated). SIZE takes K, M, G, T (binary).

analyze and ci hash file contents while reading (XXH64) to tell a chmod/chown copy-up from a
real rewrite exactly and to find identical bytes at several paths. By default only gzip/zstd
layers (and every layer of a gzipped archive) are hashed: their bytes are decompressed anyway
and hashing adds 3–8% to the read. Plain layer tars (docker save) are not (it would add
50-70%): they are judged by size and mtime. --hash hashes every layer, --no-hash none.

IMAGE.tar: docker save / podman save output (also gzipped), an OCI image layout tar
(skopeo copy … oci-archive:), Docker 25+ save, or a plain filesystem tar (docker export).`;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, positionals: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.positionals.length !== positionals.length) {
    throw new UsageError(`expected ${positionals.join(' ')}, got ${parsed.positionals.length ? parsed.positionals.join(' ') : 'nothing'}`);
  }
  return parsed;
}
