// `layerscope ci Dockerfile`: the image a build of the Dockerfile would make, from the simulator
// (src/core/simulate), so a pull request is judged before anything is built. The base layers are
// known exactly here (the simulator started the target's chain from them), so "user" waste is
// exact too: BaseInfo.layers of the target stage.

import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import type { Limits } from '../../core/limits.ts';
import type { ImageArchive } from '../../core/model/image.ts';
import { archiveResolver } from '../../core/simulate/base/resolve.ts';
import type { ContextEntry, ContextSource } from '../../core/simulate/context/context-source.ts';
import { simulateDockerfile } from '../../core/simulate/simulate.ts';
import { BUILDERS, SimulationError, type BuilderName } from '../../core/simulate/types.ts';
import { UsageError } from '../args.ts';
import { openArchive } from '../open-archive.ts';

export interface DockerfileOptions {
  base?: string;
  context?: string;
  target?: string;
  buildArgs: string[];
  builder?: string;
  /** limits changed from the defaults (--limit, --max-*) */
  limits?: Partial<Limits>;
}

export interface SimulatedForCi {
  archive: ImageArchive;
  baseLayers: number;
  baseDetail: string;
}

export async function simulateForCi(path: string, o: DockerfileOptions): Promise<SimulatedForCi> {
  const builder = (o.builder ?? 'buildkit') as BuilderName;
  if (!BUILDERS.includes(builder)) throw new UsageError(`--builder takes ${BUILDERS.join(' or ')}, not "${o.builder}"`);
  const buildArgs: Record<string, string> = {};
  for (const a of o.buildArgs) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`--build-arg takes KEY=VALUE, not "${a}"`);
    buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const text = await readFile(path, 'utf8');
  const baseArchive = o.base ? await openArchive(o.base, { limits: o.limits }) : null;
  const fromRefs = [...text.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)].map((m) => m[1]);
  try {
    const sim = await simulateDockerfile(text, {
      file: basename(path),
      builder,
      buildArgs,
      target: o.target,
      resolveBase: baseArchive ? archiveResolver(baseArchive, fromRefs) : undefined,
      context: o.context ? await directoryContext(o.context) : null,
      limits: o.limits,
    });
    return {
      archive: sim,
      baseLayers: sim.base.layers,
      baseDetail: `the Dockerfile's target starts FROM ${sim.base.ref} (${sim.base.source}: ${sim.base.detail}), ${sim.base.layers} layer${sim.base.layers === 1 ? '' : 's'}`,
    };
  } catch (e) {
    if (e instanceof SimulationError) throw new InputError(path, e.line === null ? null : `line ${e.line}`, e.problem);
    throw e;
  }
}

/**
 * A build context over a directory on disk (what `docker build DIR` sends): every entry under
 * it, parents before children, symlinks kept as links; .dockerignore is applied by the simulator
 * (core/simulate/context/loaded-context.ts). The simulator CLI may bring its own reader
 * (src/cli/context-dir.ts); this one serves `ci` meanwhile.
 */
async function directoryContext(dir: string): Promise<ContextSource> {
  const st = await lstat(dir).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(dir, null, `cannot be opened as the build context (${e.code ?? e.message})`);
  });
  if (!st.isDirectory()) throw new InputError(dir, null, 'is not a directory: --context takes the build context directory');
  const entries: ContextEntry[] = [];
  const walk = async (rel: string): Promise<void> => {
    const names = (await readdir(join(dir, rel))).sort();
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name;
      const s = await lstat(join(dir, path));
      const base = { path, mode: s.mode & 0o7777, mtime: Math.floor(s.mtimeMs / 1000) };
      if (s.isSymbolicLink()) entries.push({ ...base, kind: 'symlink', size: 0, linkTarget: await readlink(join(dir, path)) });
      else if (s.isDirectory()) {
        entries.push({ ...base, kind: 'dir', size: 0 });
        await walk(path);
      } else if (s.isFile()) entries.push({ ...base, kind: 'file', size: s.size });
    }
  };
  await walk('');
  return {
    name: basename(dir),
    list: async () => entries,
    read: async (p) => new Uint8Array(await readFile(join(dir, p))),
  };
}
