// Everything `layerscope ci` says about an image, as one versioned object: the JSON of `ci --json`
// (schema layerscope.ci/v1) and the input of the text and Markdown renderers.

import type { LayerStack } from '../../layerstack/stack.ts';
import { platformString, type ImageArchive } from '../../model/image.ts';
import { evaluateRules, verdict, type Rule, type RuleResult } from '../ci-rules.ts';
import type { BaseBoundary } from './base-boundary.ts';
import { explainDifferences, type Difference } from './differences.ts';
import { findDuplicates, type Duplicates } from './duplicates.ts';
import { computeCiFigures, groupWastedByPath, type DiveFigures, type LayerFigures, type LayerscopeFigures, type WastedPath } from './figures.ts';
import { suggest, type Suggestion } from './suggestions.ts';
import { copyUpJudgement, hashedLayerCount } from '../../layers/hash-mode.ts';

export const CI_SCHEMA = 'layerscope.ci/v1';

export type FigureSet = 'layerscope' | 'dive';

export interface CiReport {
  schema: typeof CI_SCHEMA;
  input: ImageArchive['input'] & { ref: string | null; platform: string | null };
  /** whose figures the rules were judged on */
  judgedBy: FigureSet;
  verdict: 'PASS' | 'FAIL';
  rules: RuleResult[];
  base: BaseBoundary;
  /** true when file contents were hashed (exact copy-ups, duplicates) */
  hashed: boolean;
  /** true when the image is simulated from a Dockerfile: sizes are estimates */
  simulated: boolean;
  figures: {
    layerscope: Omit<LayerscopeFigures, 'wastedFiles'>;
    /** NaN and Infinity (dive's division by zero) become null in JSON */
    dive: Omit<DiveFigures, 'inefficientFiles'>;
  };
  layers: LayerFigures[];
  /** layerscope's wasted copies grouped by path, largest first (the first maxFiles) */
  wastedFiles: WastedPath[];
  /** dive's "Inefficient Files", largest first (the first maxFiles) */
  diveInefficientFiles: DiveFigures['inefficientFiles'];
  differences: Difference[];
  duplicates: Duplicates | null;
  suggestions: Suggestion[];
  warnings: string[];
}

export interface CiOptions {
  rules: Rule[];
  judgedBy: FigureSet;
  base: BaseBoundary;
  /** files listed per table (default 20); totals always count every file */
  maxFiles?: number;
  simulated?: boolean;
  /** extra warnings to carry (config file notes, simulation notes) */
  warnings?: string[];
}

export function buildCiReport(archive: ImageArchive, stack: LayerStack, o: CiOptions): CiReport {
  const max = o.maxFiles ?? 20;
  const f = computeCiFigures(archive.image, stack, o.base);
  const { wastedFiles, ...layerscope } = f.layerscope;
  const { inefficientFiles, ...dive } = f.dive;
  const judged = o.judgedBy === 'dive' ? f.dive : f.layerscope;
  const other = o.judgedBy === 'dive' ? f.layerscope : f.dive;
  const rules = evaluateRules(o.rules, judged, other);
  const duplicates = f.hashed ? findDuplicates(stack) : null;
  const warnings = [...archive.warnings, ...(o.warnings ?? [])];
  if (!f.hashed && !o.simulated) {
    // Auto hashes gzip/zstd layers only: say how many were, so a partly hashed image is not called unhashed.
    const tables = archive.image.layers.map((l) => l.table);
    warnings.push(`${copyUpJudgement(hashedLayerCount(tables), tables.length)}: a rewrite with the same size and mtime counts as a chmod/chown copy-up there (run with --hash to compare every layer's contents)`);
  }
  return {
    schema: CI_SCHEMA,
    input: { ...archive.input, ref: archive.image.ref, platform: platformString(archive.image.platform) },
    judgedBy: o.judgedBy,
    verdict: verdict(rules),
    rules,
    base: f.base,
    hashed: f.hashed,
    simulated: o.simulated ?? false,
    figures: { layerscope, dive },
    layers: f.layers,
    wastedFiles: groupWastedByPath(wastedFiles).slice(0, max),
    diveInefficientFiles: inefficientFiles.slice(0, max),
    differences: explainDifferences(f),
    duplicates: duplicates && { ...duplicates, groups: duplicates.groups.slice(0, max) },
    suggestions: suggest(f, stack, duplicates),
    warnings,
  };
}
