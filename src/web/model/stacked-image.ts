// The page's side of a stacked image: the columns the stack worker sent (stack-protocol.ts)
// beside the page's own LayerTables, answering what the views ask without the worker:
//   - visibleAt(k): are a file's bytes visible in the filesystem of layer k (the treemap's
//     visible / wasted measures; k = top is the final image, as waste.ts counts it);
//   - which layer and row an entry is, and the name and path of any path-tree node.
// Everything is read from typed arrays; names are decoded once, when first asked for.

import type { Visibility } from '../../core/analysis/treemap/measure.ts';
import type { LayerTable } from '../../core/model/layer-table.ts';
import type { StackFacts } from '../../worker/stack-protocol.ts';

const decoder = new TextDecoder();

export class StackedImage {
  readonly layerCount: number;
  private readonly names: (string | undefined)[] = [];
  private readonly dirPaths = new Map<number, string>();
  private readonly visibility = new Map<number, Visibility>();
  private linksTo: Map<number, number[]> | null = null;

  constructor(
    readonly facts: StackFacts,
    readonly tables: readonly LayerTable[],
  ) {
    this.layerCount = tables.length;
  }

  get top(): number {
    return this.layerCount - 1;
  }

  /** The layer holding global entry `e` (bases ascend: binary search). */
  layerOf(e: number): number {
    const b = this.facts.bases;
    let lo = 0;
    let hi = this.layerCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (b[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  rowOf(e: number): number {
    return e - this.facts.bases[this.layerOf(e)];
  }

  entry(layer: number, row: number): number {
    return this.facts.bases[layer] + row;
  }

  kindOf(e: number): number {
    const L = this.layerOf(e);
    return this.tables[L].kinds[e - this.facts.bases[L]];
  }

  sizeOf(e: number): number {
    const L = this.layerOf(e);
    return this.tables[L].sizes[e - this.facts.bases[L]];
  }

  name(node: number): string {
    const k = this.facts.skeleton;
    const id = k.nameId[node];
    if (id < 0) return '';
    let s = this.names[id];
    if (s === undefined) {
      s = decoder.decode(k.nameBytes.subarray(k.nameOffsets[id], k.nameOffsets[id + 1]));
      this.names[id] = s;
    }
    return s;
  }

  /** Absolute path of a node ("/" for the root). */
  path(node: number): string {
    if (node <= 0) return '/';
    const p = this.facts.skeleton.parent[node];
    return (p <= 0 ? '' : this.dirPath(p)) + '/' + this.name(node);
  }

  /** The node of global entry `e`. */
  nodeOf(e: number): number {
    return this.facts.entryNode[e];
  }

  /**
   * Whether the bytes of the file at (layer, row) can be seen in the filesystem of layer k: the
   * entry is not hidden at k, or a hard link to it is (waste.ts's rule, at any layer). Cached per k.
   */
  visibleAt(k: number): Visibility {
    let v = this.visibility.get(k);
    if (!v) {
      const { bases, hiddenBy } = this.facts;
      const links = this.links();
      v = (layer, row) => {
        if (layer > k) return false;
        const e = bases[layer] + row;
        if (hiddenBy[e] > k) return true;
        const by = links.get(e);
        return by !== undefined && by.some((h) => this.layerOf(h) <= k && hiddenBy[h] > k);
      };
      this.visibility.set(k, v);
    }
    return v;
  }

  private links(): Map<number, number[]> {
    if (!this.linksTo) {
      const m = new Map<number, number[]>();
      const h = this.facts.hardlinks;
      for (let i = 0; i + 1 < h.length; i += 2) {
        const list = m.get(h[i + 1]);
        if (list) list.push(h[i]);
        else m.set(h[i + 1], [h[i]]);
      }
      this.linksTo = m;
    }
    return this.linksTo;
  }

  private dirPath(node: number): string {
    let s = this.dirPaths.get(node);
    if (s === undefined) {
      s = this.path(node);
      this.dirPaths.set(node, s);
    }
    return s;
  }
}
