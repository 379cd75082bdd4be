// Test harness: runs a RUN script against a small filesystem (a lower step builds it, so the
// script's own step sees it as lower layers), and returns the layer the step would write.

import { COMMANDS } from '../commands/registry.ts';
import { ShellVars, type Reporter } from '../shell/context.ts';
import { Shell } from '../shell/interp.ts';
import { contentText, type Content } from '../vfs/content.ts';
import { FsOps } from '../vfs/fs-ops.ts';
import { diffStep, type LayerDiff } from '../vfs/layer-diff.ts';
import { Vfs } from '../vfs/vfs.ts';
import { kindName } from '../../model/entry-kind.ts';

export interface ScriptRun {
  vfs: Vfs;
  fs: FsOps;
  status: number;
  unknowns: { path: string | null; reason: string }[];
  notes: string[];
  warnings: string[];
  layer: LayerDiff;
  /** the layer's rows as "kind path [size] [mode]" */
  rows: string[];
  file(path: string): Content | undefined;
  text(path: string): string | null;
}

export interface ScriptOptions {
  /** builds the lower layers: runs before the step under test */
  setup?: string | ((fs: FsOps) => void);
  env?: Record<string, string>;
  flavor?: 'ash' | 'dash' | 'bash';
  /** buildah's opaque directories (default) or BuildKit's per-child whiteouts */
  opaqueDirs?: boolean;
  cwd?: string;
}

const SKELETON = ['/bin', '/etc', '/root', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/var', '/var/lib', '/var/cache', '/home'];

export async function runScript(script: string, opts: ScriptOptions = {}): Promise<ScriptRun> {
  const vfs = new Vfs({ gen: 0 });
  const fs = new FsOps(vfs, '/');
  vfs.beginStep(0);
  for (const d of SKELETON) fs.mkdir(d, { parents: true });
  const quiet: Reporter = { unknown: () => {}, note: () => {}, warn: () => {} };
  if (typeof opts.setup === 'function') opts.setup(fs);
  else if (opts.setup) await Shell.run(opts.setup, fs, new ShellVars(), quiet, COMMANDS);
  vfs.beginStep(100);
  const unknowns: ScriptRun['unknowns'] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  const vars = new ShellVars(Object.entries({ PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', ...opts.env }));
  vars.flavor = opts.flavor ?? 'ash';
  fs.cwd = opts.cwd ?? '/';
  const status = await Shell.run(script, fs, vars, { unknown: (path, reason) => unknowns.push({ path, reason }), note: (t) => notes.push(t), warn: (t) => warnings.push(t) }, COMMANDS);
  const layer = diffStep(vfs, { opaqueDirs: opts.opaqueDirs ?? true });
  const rows: string[] = [];
  for (let i = 0; i < layer.table.count; i++) {
    const k = kindName(layer.table.kinds[i]);
    const size = k === 'file' ? ` ${layer.table.sizes[i]}` : '';
    const mode = k === 'whiteout' || k === 'opaque' ? '' : ` ${layer.table.modes[i].toString(8)}`;
    const link = layer.table.linkTarget(i);
    rows.push(`${k} ${layer.table.path(i)}${size}${mode}${link !== null ? ` -> ${link}` : ''}`);
  }
  return {
    vfs,
    fs,
    status,
    unknowns,
    notes,
    warnings,
    layer,
    rows,
    file: (p) => vfs.lstat(p)?.content ?? undefined,
    text: (p) => {
      const c = vfs.lstat(p)?.content;
      return c ? contentText(c) : null;
    },
  };
}
