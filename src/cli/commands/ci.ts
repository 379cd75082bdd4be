// `layerscope ci (IMAGE.tar | Dockerfile)`: a drop-in for `dive --ci`. Reads dive's `.dive-ci`
// (from --config, else ./.dive-ci when it exists, as dive does) and dive's flags, judges the image
// and prints each rule PASS / FAIL / SKIP with its figure, layerscope's and dive's side by side.
// Exit 0 when every rule passes, 1 when one fails, 2 on bad input or a misconfigured rule.
// A Dockerfile is judged before anything is built, on the image the simulator predicts.

import { open, readFile, stat } from 'node:fs/promises';
import { looksLikeTar, sniffCompression } from '../../core/bytes/sniff.ts';
import { InputError } from '../../core/errors.ts';
import { findBase, givenBase, type BaseBoundary } from '../../core/analysis/ci/base-boundary.ts';
import { buildCiReport, type FigureSet } from '../../core/analysis/ci/report.ts';
import { readDiveCi, ruleSettings, rulesOrThrow, type RuleFlag } from '../../core/analysis/ci/settings.ts';
import { renderCiText } from '../../core/analysis/ci/text-report.ts';
import type { RuleKey } from '../../core/analysis/ci-rules.ts';
import { toMarkdownReport } from '../../core/export/markdown-report.ts';
import { LayerStack } from '../../core/layerstack/stack.ts';
import type { ImageArchive } from '../../core/model/image.ts';
import { parse, UsageError } from '../args.ts';
import { LIMIT_OPTIONS, limitsFrom } from '../limit-flags.ts';
import { HASH_OPTIONS, hashFrom } from '../hash-flags.ts';
import { openArchive } from '../open-archive.ts';
import { simulateForCi } from './ci-dockerfile.ts';

const DEFAULT_CONFIG = '.dive-ci';

/** Each rule's flags: ours (kebab-case) and dive's own spellings, so a dive command line works as is. */
const RULE_FLAGS: Record<RuleKey, string[]> = {
  lowestEfficiency: ['lowest-efficiency', 'lowestEfficiency'],
  highestWastedBytes: ['highest-wasted-bytes', 'highestWastedBytes'],
  highestUserWastedPercent: ['highest-user-wasted-percent', 'highestUserWastedPercent'],
};

const OPTIONS = {
  config: { type: 'string' },
  'ci-config': { type: 'string' },
  'lowest-efficiency': { type: 'string' },
  lowestEfficiency: { type: 'string' },
  'highest-wasted-bytes': { type: 'string' },
  highestWastedBytes: { type: 'string' },
  'highest-user-wasted-percent': { type: 'string' },
  highestUserWastedPercent: { type: 'string' },
  figures: { type: 'string' },
  'base-layers': { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  // content hashing: 'auto' unless --hash or --no-hash (hash-flags.ts)
  ...HASH_OPTIONS,
  'max-files': { type: 'string' },
  image: { type: 'string' },
  platform: { type: 'string' },
  // Dockerfile input, as `layerscope simulate` takes them
  base: { type: 'string' },
  context: { type: 'string' },
  target: { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  builder: { type: 'string' },
  // what the archive or the Dockerfile may make the reader do, as analyze and simulate take them
  ...LIMIT_OPTIONS,
} as const;

export async function ci(argv: string[], out: (s: string) => void): Promise<number> {
  const { values: v, positionals } = parse(argv, OPTIONS, ['(IMAGE.tar | Dockerfile)']);
  if (v.json && v.markdown) throw new UsageError('--json and --markdown are exclusive: choose one output');
  const figures = (v.figures ?? 'layerscope') as FigureSet;
  if (figures !== 'layerscope' && figures !== 'dive') throw new UsageError(`--figures takes "layerscope" or "dive", not "${v.figures}"`);
  const maxFiles = v['max-files'] === undefined ? 20 : wholeNumber('--max-files', v['max-files']);

  // Rules first: a misconfigured rule fails before any image is read, as in dive.
  const configPath = v.config ?? v['ci-config'];
  const file = await loadConfig(configPath);
  const flags: Partial<Record<RuleKey, RuleFlag>> = {};
  for (const [key, names] of Object.entries(RULE_FLAGS) as [RuleKey, string[]][]) {
    for (const name of names) {
      const value = (v as Record<string, unknown>)[name];
      if (typeof value === 'string') flags[key] = { value, flag: `--${name}` };
    }
  }
  const rules = rulesOrThrow(ruleSettings(file, flags));
  const notes = file ? file.config.warnings.map((w) => `${file.path}: ${w}`) : [`no ${DEFAULT_CONFIG} here and no --config: dive's default rules`];

  const limits = limitsFrom(v);
  const input = positionals[0];
  let archive: ImageArchive;
  let base: BaseBoundary | null = null;
  let simulated = false;
  if (await isImageArchive(input)) {
    if (v.base || v.context || v.target || v['build-arg'] || v.builder) throw new UsageError('--base, --context, --target, --build-arg and --builder are for a Dockerfile, not an image archive');
    archive = await openArchive(input, { image: v.image, platform: v.platform, hash: hashFrom(v), limits });
  } else {
    const sim = await simulateForCi(input, { base: v.base, context: v.context, target: v.target, buildArgs: v['build-arg'] ?? [], builder: v.builder, limits });
    archive = sim.archive;
    simulated = true;
    base = givenBase(archive.image, sim.baseLayers, sim.baseDetail);
  }
  if (v['base-layers'] !== undefined) {
    base = givenBase(archive.image, wholeNumber('--base-layers', v['base-layers']), `given with --base-layers ${v['base-layers']}`);
  }
  const stack = new LayerStack(archive.image.layers.map((l) => l.table));
  const report = buildCiReport(archive, stack, {
    rules,
    judgedBy: figures,
    base: base ?? findBase(archive.image),
    maxFiles,
    simulated,
    warnings: notes,
  });
  if (v.json) out(JSON.stringify(report, null, 2));
  else if (v.markdown) out(toMarkdownReport(report, { maxFiles: Math.min(maxFiles, 10) }));
  else out(renderCiText(report));
  return report.verdict === 'PASS' ? 0 : 1;
}

function wholeNumber(flag: string, s: string): number {
  if (!/^\d+$/.test(s)) throw new UsageError(`${flag} takes a whole number, not "${s}"`);
  return Number(s);
}

async function loadConfig(path: string | undefined) {
  const p = path ?? DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(p, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (path === undefined && code === 'ENOENT') return null; // dive: the default file is optional
    throw new InputError(p, null, `cannot be read (${code ?? (e as Error).message})`);
  }
  return { path: p, config: readDiveCi(p, text) };
}

/** Content decides, never the name: a tar, gzip or zstd stream is an image; anything else a Dockerfile. */
async function isImageArchive(path: string): Promise<boolean> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw new InputError(path, null, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!st.isFile()) throw new InputError(path, null, 'is not a regular file');
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const h = head.subarray(0, bytesRead);
    return sniffCompression(h) !== 'none' || looksLikeTar(h);
  } finally {
    await fh.close();
  }
}
