// Finding paths among every path any layer names (the stack's interned tree, as the skeleton
// columns the worker sent): an exact lookup, name matching for the file tree's filter, and the
// suggestions under the `path-search` input. Deleted paths are there too: a read path of a file
// that is gone is a fair question ("where did /data/one go?").
//
// Name matching works on the UTF-8 name table, not on decoded strings: a query is compared
// byte-wise with ASCII case folded, once per distinct name, so 500k entries cost one pass over a
// few MB of names instead of 500k strings.

import type { Skeleton } from '../../worker/stack-protocol.ts';

const encoder = new TextEncoder();
const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 32 : b);

export class PathIndex {
  private firstChild: Int32Array | null = null;
  private nextSibling: Int32Array | null = null;
  private readonly matches = new Map<string, Uint8Array>();

  constructor(
    private readonly k: Skeleton,
    private readonly name: (node: number) => string,
    private readonly path: (node: number) => string,
  ) {}

  /** Children of `node`, in first-seen order. */
  children(node: number): number[] {
    this.ensureChildren();
    const out: number[] = [];
    for (let c = this.firstChild![node]; c >= 0; c = this.nextSibling![c]) out.push(c);
    return out;
  }

  /** The node of an absolute path, or -1. */
  lookup(path: string): number {
    let node = 0;
    for (const part of path.split('/')) {
      if (!part) continue;
      const next = this.children(node).find((c) => this.name(c) === part);
      if (next === undefined) return -1;
      node = next;
    }
    return node;
  }

  /** Per name id: 1 when the name contains `query` (ASCII letters in any case). Cached per query. */
  nameMatches(query: string): Uint8Array {
    const key = query.toLowerCase();
    let m = this.matches.get(key);
    if (m) return m;
    const q = encoder.encode(key);
    const { nameBytes: b, nameOffsets: off } = this.k;
    const names = off.length - 1;
    m = new Uint8Array(names);
    for (let id = 0; id < names; id++) {
      const end = off[id + 1] - q.length;
      outer: for (let i = off[id]; i <= end; i++) {
        for (let j = 0; j < q.length; j++) if (lower(b[i + j]) !== q[j]) continue outer;
        m[id] = 1;
        break;
      }
    }
    if (this.matches.size > 16) this.matches.clear();
    this.matches.set(key, m);
    return m;
  }

  /**
   * Up to `limit` paths for what was typed: under a typed directory, the children whose names
   * start with the rest ("/usr/lo" → /usr/local, /usr/lock…); otherwise every path whose last
   * name contains the text, names that start with it first, then shorter paths.
   */
  suggest(query: string, limit = 12): string[] {
    const q = query.trim();
    if (!q) return [];
    if (q.startsWith('/')) {
      const cut = q.lastIndexOf('/');
      const dir = this.lookup(q.slice(0, cut) || '/');
      if (dir >= 0) {
        const part = q.slice(cut + 1).toLowerCase();
        const kids = this.children(dir)
          .filter((c) => this.name(c).toLowerCase().startsWith(part))
          .sort((a, b) => cmp(this.name(a), this.name(b)));
        if (kids.length > 0 || !part) return kids.slice(0, limit).map(this.path);
      }
    }
    const last = q.slice(q.lastIndexOf('/') + 1) || q;
    const m = this.nameMatches(last);
    const { nameId, nodeCount } = this.k;
    const hits: number[] = [];
    for (let n = 1; n < nodeCount && hits.length < 5000; n++) if (m[nameId[n]]) hits.push(n);
    const low = last.toLowerCase();
    const want = q.toLowerCase();
    const scored = hits
      .map((n) => ({ n, p: this.path(n) }))
      .filter((x) => !q.includes('/') || x.p.toLowerCase().includes(want))
      .map((x) => ({ ...x, starts: this.name(x.n).toLowerCase().startsWith(low) ? 0 : 1 }));
    scored.sort((a, b) => a.starts - b.starts || a.p.length - b.p.length || cmp(a.p, b.p));
    return scored.slice(0, limit).map((x) => x.p);
  }

  private ensureChildren(): void {
    if (this.firstChild) return;
    const { parent, nodeCount } = this.k;
    const first = new Int32Array(nodeCount).fill(-1);
    const next = new Int32Array(nodeCount).fill(-1);
    // Backwards, so each list ends up in ascending node order (first-seen order).
    for (let n = nodeCount - 1; n > 0; n--) {
      const p = parent[n];
      next[n] = first[p];
      first[p] = n;
    }
    this.firstChild = first;
    this.nextSibling = next;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
