// `layerscope readpath (IMAGE.tar | Dockerfile) PATH`: how a read of PATH goes down the layers — where it is
// found, or which whiteout / opaque dir / non-directory stops it, and the copies it shadows.

import { InputError } from '../../core/errors.ts';
import { LayerStack, type ReadPathResult } from '../../core/layerstack/stack.ts';
import { formatBytes } from '../../core/text/units.ts';
import { parse, UsageError } from '../args.ts';
import { LIMIT_OPTIONS, limitsFrom } from '../limit-flags.ts';
import { openImageOrDockerfile, SIMULATE_FLAGS, simulateOptions } from './simulate.ts';

export async function readpath(argv: string[], out: (s: string) => void): Promise<void> {
  const { values, positionals } = parse(
    argv,
    { layer: { type: 'string' }, json: { type: 'boolean' }, platform: { type: 'string' }, image: { type: 'string' }, ...SIMULATE_FLAGS, ...LIMIT_OPTIONS },
    ['IMAGE.tar|Dockerfile', 'PATH'],
  );
  const [file, path] = positionals;
  // An image archive is read; a Dockerfile is simulated (its folder as context unless --context).
  const archive = await openImageOrDockerfile(file, { image: values.image, platform: values.platform, limits: limitsFrom(values), ...simulateOptions(values) });
  const n = archive.image.layers.length;
  if (n === 0) throw new InputError(file, null, 'the image has no layers, so no path can be read');
  let layer = n - 1;
  if (values.layer !== undefined) {
    if (!/^\d+$/.test(values.layer)) throw new UsageError(`--layer takes a layer index, got "${values.layer}"`);
    layer = Number(values.layer);
    if (layer >= n) throw new UsageError(`--layer ${layer}: the image has layers 0 to ${n - 1}`);
  }
  const stack = new LayerStack(archive.image.layers.map((l) => l.table));
  const result = stack.readPath(path, layer);
  out(values.json ? JSON.stringify(result, null, 2) : renderReadPath(result, archive.image.layers.map((l) => l.createdBy)));
}

const WORDS: Record<string, string> = {
  miss: 'nothing here, read goes on down',
  hit: 'found here',
  whiteout: 'deleted here (whiteout): not found',
  opaque: 'a parent directory is opaque here: not found',
  blocked: 'a parent is not a directory here: not found',
  shadowed: 'a copy, hidden by the layer above',
};

export function renderReadPath(r: ReadPathResult, commands: (string | null)[]): string {
  const lines = [`read of ${r.path} from layer ${r.layer} down:`];
  for (const s of r.steps) {
    const cmd = commands[s.layer] ?? '';
    lines.push(`  layer ${String(s.layer).padStart(3)}  ${s.outcome.padEnd(9)} ${WORDS[s.outcome]}${cmd ? `   [${cmd.length > 60 ? `${cmd.slice(0, 57)}...` : cmd}]` : ''}`);
  }
  lines.push(r.found ? `found: a ${r.found.kind} of ${formatBytes(r.found.size)} from layer ${r.found.layer}` : 'not found');
  return lines.join('\n');
}
