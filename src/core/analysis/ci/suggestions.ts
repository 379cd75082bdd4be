// What to change in the Dockerfile to get the wasted bytes back, read from which layer made each
// wasted copy and which layer hid it (waste.ts reasons) and from the layers' commands:
//   create-then-delete  a later step deletes what an earlier one made: delete in the same RUN
//                       (consecutive RUNs: merge them); a COPY/ADD that a later step deletes:
//                       .dockerignore or a multi-stage build;
//   copy-up             chmod/chown of files made by COPY/ADD: COPY --chmod/--chown; of files made
//                       by an earlier RUN: in that RUN;
//   rewrite             a later step rewrites a file: write its final version once;
//   package-cache       package-manager caches left in the build's layers: clean them in the same
//                       RUN (--no-cache, rm -rf /var/lib/apt/lists/*, …);
//   duplicates          identical bytes at several paths (needs --hash).
// Base layers are not the build's to change: waste they hold is reported, not suggested on,
// except base files the build copies up or deletes (those suggestions name the build's step).

import type { LayerStack } from '../../layerstack/stack.ts';
import { EntryKind } from '../../model/entry-kind.ts';
import type { Duplicates } from './duplicates.ts';
import type { CiFigures, LayerFigures } from './figures.ts';

export type SuggestionKind = 'create-then-delete' | 'copy-up' | 'rewrite' | 'package-cache' | 'duplicates';

/**
 * What to do, as words and commands: a string is our own text (it may hold `code` in backticks,
 * safe in Markdown), a `{ cmd }` is a layer's command as the image records it: untrusted, so
 * renderers escape it (markdown-report.ts).
 */
export type SuggestionPart = string | { cmd: string };

export interface Suggestion {
  kind: SuggestionKind;
  /** bytes the change would save */
  bytes: number;
  /** the layers involved, lowest first */
  layers: number[];
  parts: SuggestionPart[];
  /** the same as plain text, commands in backticks (what a UI shows; Markdown uses `parts`) */
  text: string;
  /** example paths, largest first (untrusted) */
  examples: string[];
}

/** Suggestion parts as plain text, commands in backticks. */
export function suggestionText(s: { parts: SuggestionPart[] }): string {
  return s.parts.map((p) => (typeof p === 'string' ? p : `\`${p.cmd}\``)).join('');
}

const CACHES: { prefix: string; fix: string }[] = [
  { prefix: '/var/lib/apt/lists/', fix: 'end the apt-get RUN with `rm -rf /var/lib/apt/lists/*`' },
  { prefix: '/var/cache/apt/', fix: 'end the apt-get RUN with `apt-get clean`' },
  { prefix: '/var/cache/apk/', fix: 'use `apk add --no-cache`' },
  { prefix: '/var/cache/dnf/', fix: 'end the dnf RUN with `dnf clean all`' },
  { prefix: '/var/cache/yum/', fix: 'end the yum RUN with `yum clean all`' },
  { prefix: '/root/.cache/pip/', fix: 'use `pip install --no-cache-dir`' },
  { prefix: '/root/.npm/', fix: 'end the npm RUN with `npm cache clean --force`' },
  { prefix: '/usr/local/share/.cache/yarn/', fix: 'end the yarn RUN with `yarn cache clean`' },
  { prefix: '/root/.cache/go-build/', fix: 'build in a separate stage, or use a cache mount (`RUN --mount=type=cache`)' },
];

export function commandOf(createdBy: string | null): { keyword: string; text: string } {
  let raw = (createdBy ?? '').trim();
  // The classic builder and Buildah prefix a RUN with its build args: "|2 A=1 B=2 /bin/sh -c …"
  const args = /^\|(\d+)\s+/.exec(raw);
  if (args) {
    let rest = raw.slice(args[0].length);
    for (let i = 0; i < Number(args[1]); i++) rest = rest.replace(/^\S*=\S*\s+/, '');
    raw = rest;
  }
  const nop = /^\/bin\/sh -c #\(nop\)\s*(\S+)\s*(.*)$/s.exec(raw);
  if (nop) return { keyword: nop[1].toUpperCase(), text: `${nop[1]} ${nop[2]}`.trim() };
  const shell = /^\/bin\/sh -c\s+(.*)$/s.exec(raw);
  if (shell) return { keyword: 'RUN', text: `RUN ${shell[1]}` };
  // BuildKit: "RUN /bin/sh -c … # buildkit", "COPY file /x # buildkit", "WORKDIR /app"
  const kw = /^([A-Z]+)\b\s*(.*)$/s.exec(raw);
  if (kw) return { keyword: kw[1], text: raw.replace(/\s*# buildkit$/, '') };
  return { keyword: raw ? 'RUN' : '?', text: raw || '(no command recorded)' };
}

function short(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}

function step(l: LayerFigures | undefined, i: number): SuggestionPart[] {
  return [`layer ${i} (`, { cmd: short(commandOf(l?.createdBy ?? null).text) }, ')'];
}

/** Template to parts: "%" marks where the next step's parts go. */
function say(template: string, ...steps: SuggestionPart[][]): SuggestionPart[] {
  const out: SuggestionPart[] = [];
  template.split('%').forEach((t, i) => {
    if (i > 0) out.push(...steps[i - 1]);
    if (t) out.push(t);
  });
  return out;
}

export function suggest(f: CiFigures, stack: LayerStack, duplicates: Duplicates | null): Suggestion[] {
  const out: Omit<Suggestion, 'text'>[] = [];
  const pairs = new Map<string, { reason: string; from: number; by: number; bytes: number; paths: string[] }>();
  for (const w of f.layerscope.wastedFiles) {
    if (w.byLayer < f.base.layers) continue; // the base's own waste: not the build's to change
    const key = `${w.reason}:${w.layer}:${w.byLayer}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { reason: w.reason, from: w.layer, by: w.byLayer, bytes: 0, paths: [] }));
    p.bytes += w.size;
    if (p.paths.length < 3) p.paths.push(w.path);
  }
  const L = f.layers;
  for (const p of pairs.values()) {
    const from = commandOf(L[p.from]?.createdBy ?? null);
    const by = commandOf(L[p.by]?.createdBy ?? null);
    const fromBase = p.from < f.base.layers;
    let kind: SuggestionKind;
    let parts: SuggestionPart[];
    if (p.reason === 'deleted' || p.reason === 'hidden-by-opaque') {
      kind = 'create-then-delete';
      if (fromBase) parts = say('% deletes base-image files: deleting them saves nothing (they ship in the base layers); use a slimmer base instead', step(L[p.by], p.by));
      else if (from.keyword === 'COPY' || from.keyword === 'ADD') parts = say('% deletes what % copied in: leave it out with .dockerignore, or copy it into a build stage and `COPY --from` only what is kept', step(L[p.by], p.by), step(L[p.from], p.from));
      else if (from.keyword === 'RUN' && by.keyword === 'RUN' && p.by === p.from + 1) parts = say('merge the consecutive RUNs of % and % into one RUN: the second deletes what the first creates', step(L[p.from], p.from), step(L[p.by], p.by));
      else parts = say('delete in the same RUN that creates: % deletes what % created', step(L[p.by], p.by), step(L[p.from], p.from));
    } else if (p.reason === 'copied-up') {
      kind = 'copy-up';
      if (fromBase) parts = say('% changes only the mode or owner of base-image files, which copies them whole into its layer: change the mode/owner only where needed, or not at all', step(L[p.by], p.by));
      else if (from.keyword === 'COPY' || from.keyword === 'ADD') parts = say(`% only changes mode or owner of files % copied in, which copies them again: use \`${from.keyword} --chmod=…\` / \`--chown=…\` and drop the chmod/chown`, step(L[p.by], p.by), step(L[p.from], p.from));
      else parts = say('% only changes mode or owner of files made by %, which copies them again: chmod/chown in the RUN that creates them', step(L[p.by], p.by), step(L[p.from], p.from));
    } else {
      kind = 'rewrite';
      parts = fromBase
        ? say('% rewrites base-image files: the old copies ship anyway in the base layers', step(L[p.by], p.by))
        : say('% rewrites files that % wrote: write the final version once (merge the steps)', step(L[p.by], p.by), step(L[p.from], p.from));
    }
    // Waste in the base layers cannot be saved by the build, whatever the build does to it.
    out.push({ kind, bytes: fromBase ? 0 : p.bytes, layers: [p.from, p.by], parts, examples: p.paths });
  }

  // Package caches the build's layers leave in the final filesystem.
  if (stack.layerCount > 0) {
    const caches = new Map<string, { bytes: number; layers: Set<number>; paths: string[] }>();
    stack.mergedAt(stack.layerCount - 1).forEach((path, layer, row) => {
      if (layer < f.base.layers) return;
      const t = stack.tables[layer];
      if (t.kinds[row] !== EntryKind.file || t.sizes[row] === 0) return;
      const c = CACHES.find((x) => path.startsWith(x.prefix));
      if (!c) return;
      let g = caches.get(c.prefix);
      if (!g) caches.set(c.prefix, (g = { bytes: 0, layers: new Set(), paths: [] }));
      g.bytes += t.sizes[row];
      g.layers.add(layer);
      if (g.paths.length < 3) g.paths.push(path);
    });
    for (const [prefix, g] of caches) {
      const fix = CACHES.find((x) => x.prefix === prefix)!.fix;
      const layers = [...g.layers].sort((a, b) => a - b);
      out.push({ kind: 'package-cache', bytes: g.bytes, layers, parts: [`clean the package cache in the same RUN: ${fix} (${prefix} is left in ${layers.map((i) => `layer ${i}`).join(', ')})`], examples: g.paths });
    }
  }

  if (duplicates && duplicates.extraBytes > 0) {
    const top = duplicates.groups.slice(0, 3);
    out.push({
      kind: 'duplicates',
      bytes: duplicates.extraBytes,
      layers: [...new Set(duplicates.groups.flatMap((g) => g.copies.map((c) => c.layer)))].sort((a, b) => a - b),
      parts: [`${duplicates.groups.length} set${duplicates.groups.length === 1 ? '' : 's'} of files hold identical bytes at several paths: keep one copy and hard-link or symlink the others, or copy it once`],
      examples: top.flatMap((g) => g.copies.slice(0, 2).map((c) => c.path)),
    });
  }
  return out.map((s) => ({ ...s, text: suggestionText(s) })).sort((a, b) => b.bytes - a.bytes || a.layers[0] - b.layers[0]);
}
