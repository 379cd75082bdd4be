// A build context read once per simulation: its entries by path, .dockerignore applied (the
// file itself read through the same source), and source patterns of COPY/ADD matched against it
// as BuildKit does (filepath.Match per path component, `*` never crossing `/`).

import { patternSource } from '../shell/pattern.ts';
import type { ContextEntry, ContextSource } from './context-source.ts';
import { cleanPath, IgnoreMatcher, readIgnoreFile } from './dockerignore.ts';

export class LoadedContext {
  readonly byPath = new Map<string, ContextEntry>();
  readonly children = new Map<string, string[]>();

  private constructor(
    readonly source: ContextSource,
    entries: ContextEntry[],
    readonly ignore: IgnoreMatcher,
    readonly ignorePatterns: string[],
  ) {
    this.children.set('', []);
    for (const e of entries) {
      const p = cleanPath(e.path);
      if (p === '.' || p.startsWith('..')) continue;
      this.byPath.set(p, { ...e, path: p });
      const i = p.lastIndexOf('/');
      const parent = i < 0 ? '' : p.slice(0, i);
      if (!this.children.has(parent)) this.children.set(parent, []);
      this.children.get(parent)!.push(p);
      if (e.kind === 'dir' && !this.children.has(p)) this.children.set(p, []);
    }
  }

  static async load(source: ContextSource): Promise<LoadedContext> {
    const entries = await source.list();
    let patterns: string[] = [];
    if (entries.some((e) => e.path === '.dockerignore' && e.kind === 'file')) {
      patterns = readIgnoreFile(new TextDecoder().decode(await source.read('.dockerignore')));
    }
    return new LoadedContext(source, entries, new IgnoreMatcher(patterns), patterns);
  }

  excluded(path: string): boolean {
    return this.ignore.excludes(path);
  }

  /** Context paths a COPY source names: itself, or what its wildcards match (sorted). */
  match(src: string): string[] {
    const p = cleanPath(src.replace(/^\/+/, ''));
    if (p === '.') return [''];
    if (!/[*?[]/.test(p)) return this.byPath.has(p) ? [p] : [];
    const depth = p.split('/').length;
    const re = new RegExp(`^${patternSource(p, true)}$`);
    const out: string[] = [];
    for (const path of this.byPath.keys()) if (path.split('/').length === depth && re.test(path)) out.push(path);
    return out.sort();
  }

  /** Entries under a context directory ('' = the root), parents first, .dockerignore applied. */
  walk(dir: string): ContextEntry[] {
    const out: ContextEntry[] = [];
    const visit = (d: string) => {
      for (const p of [...(this.children.get(d) ?? [])].sort()) {
        const e = this.byPath.get(p)!;
        if (this.excluded(p)) {
          // An excluded directory can still hold re-included paths ("!dir/keep"): look inside.
          if (e.kind === 'dir') visit(p);
          continue;
        }
        out.push(e);
        if (e.kind === 'dir') visit(p);
      }
    };
    visit(dir);
    return out;
  }
}
