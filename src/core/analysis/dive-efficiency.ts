// dive's efficiency score and wasted bytes, computed exactly as dive does, for comparison with
// ours. Ported from github.com/wagoodman/dive:
//   dive/filetree/efficiency.go  Efficiency(): per path, the sizes of every LEAF node that path
//       has in any layer's tree are summed (CumulativeSize) and their minimum kept; score =
//       sum(minimum) / sum(cumulative) over all paths (1 when the sum is 0); a path seen in two
//       or more layers is an "inefficiency", and dive/image/image.go Analyze() sums their
//       CumulativeSize as WastedBytes (the copy still visible at the top included).
//   A whiteout leaf `.wh.NAME` counts under NAME with the size of what it deletes, looked up in
//       the tree stacked from layers 0..idx-1 (layer 0's own tree for idx 0): the summed sizes of
//       the node and its whole subtree when that node is a directory, and 0 when it is not (a
//       deleted file counts 0). When the lookup fails, dive's visitor returns the error and the
//       rest of that layer's leaves (children first, names sorted) are skipped; the path is in
//       dive's map by then with minDiscoveredSize -1, and that -1 is summed into the score.
//   dive/filetree/file_tree.go  AddPath(): a layer tree holds every tar path and its missing
//       parents (empty payload: size 0, not a directory); `.wh..wh..opq` markers are dropped (dive
//       ignores opaque directories); Stack(): whiteouts remove a path and its subtree, every other
//       node (parents with an empty payload too) overwrites the stacked node's payload, children
//       first, names sorted.
// Sizes are tar header sizes (regular files; 0 for links and directories).
//
// Where ours differs (see waste.ts): dive counts every copy of a path that appears in two layers,
// the visible one included, and a deleted file as 0; it ignores opaque directories and files
// hidden under a replaced directory; we count only copies that are not visible at the top.

import { EntryKind } from '../model/entry-kind.ts';
import type { LayerStack } from '../layerstack/stack.ts';

// Kinds read once: in hot loops a property read per entry showed in profiles (under tsx every
// imported binding is a getter).
const DIR = EntryKind.dir;
const OPAQUE = EntryKind.opaque;
const WHITEOUT = EntryKind.whiteout;

export interface DiveEfficiency {
  /** dive's efficiency score, 0..1 */
  score: number;
  /** dive's WastedBytes */
  wastedBytes: number;
  /**
   * dive's Inefficiencies (the paths seen in two or more layers), as path-tree nodes with dive's
   * count (len(Nodes)) and CumulativeSize; `stack.tree.path(node)` names them. In node order:
   * dive sorts them by size (export.go, ci/evaluator.go), callers do too.
   */
  inefficient: { nodes: Int32Array; counts: Int32Array; sizes: Float64Array };
}

export function diveEfficiency(stack: LayerStack): DiveEfficiency {
  return new DivePort(stack).run();
}

const WH = '.wh.';

class DivePort {
  private readonly tree;
  private readonly s;
  private readonly N: number;
  // the stacked tree: present flag and payload per node (an empty payload is size 0, not a dir)
  private readonly present: Uint8Array;
  private readonly sSize: Float64Array;
  private readonly sDir: Uint8Array;
  // one layer's tree: membership, has-children and payload, stamped with layer+1
  private readonly member: Int32Array;
  private readonly hasKids: Int32Array;
  private readonly payloadStamp: Int32Array;
  private readonly pSize: Float64Array;
  private readonly pDir: Uint8Array;
  private readonly whStamp: Int32Array;
  // per path (node): dive's EfficiencyData
  private readonly cumulative: Float64Array;
  private readonly minSize: Float64Array;
  private readonly seen: Int32Array;
  /** paths in dive's efficiencyMap (a failed whiteout lookup adds one without a size) */
  private readonly known: Uint8Array;
  private readonly todo: Int32Array;

  constructor(private readonly stack: LayerStack) {
    this.tree = stack.tree;
    this.s = stack.state;
    const N = (this.N = this.tree.nodeCount);
    this.present = new Uint8Array(N);
    this.sSize = new Float64Array(N);
    this.sDir = new Uint8Array(N);
    this.member = new Int32Array(N);
    this.hasKids = new Int32Array(N);
    this.payloadStamp = new Int32Array(N);
    this.pSize = new Float64Array(N);
    this.pDir = new Uint8Array(N);
    this.whStamp = new Int32Array(N);
    this.cumulative = new Float64Array(N);
    this.minSize = new Float64Array(N).fill(-1);
    this.seen = new Int32Array(N);
    this.known = new Uint8Array(N);
    this.todo = new Int32Array(N);
  }

  run(): DiveEfficiency {
    const L = this.stack.layerCount;
    for (let j = 0; j < L; j++) {
      const { members, whiteouts } = this.layerTree(j);
      if (j === 0) this.stackLayer(members, []); // StackTreeRange's starting copy of layer 0's tree
      this.visitLeaves(j, members, whiteouts);
      this.stackLayer(members, whiteouts, j);
    }
    let minimum = 0;
    let discovered = 0;
    let wasted = 0;
    let count = 0;
    for (let n = 0; n < this.N; n++) {
      if (this.known[n] === 0) continue;
      minimum += this.minSize[n];
      discovered += this.cumulative[n];
      if (this.seen[n] >= 2) {
        wasted += this.cumulative[n];
        this.todo[count++] = n;
      }
    }
    const nodes = this.todo.slice(0, count);
    const counts = new Int32Array(count);
    const sizes = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      counts[i] = this.seen[nodes[i]];
      sizes[i] = this.cumulative[nodes[i]];
    }
    return { score: discovered === 0 ? 1 : minimum / discovered, wastedBytes: wasted, inefficient: { nodes, counts, sizes } };
  }

  /** Layer j's dive tree: member nodes (paths and their parents) and whiteout leaves (by the node they delete). */
  private layerTree(j: number): { members: number[]; whiteouts: number[] } {
    const { s, tree } = this;
    const t = this.stack.tables[j];
    const stamp = j + 1;
    const members: number[] = [];
    const whiteouts: number[] = [];
    const addWithParents = (node: number): void => {
      for (let m = node; m > 0 && this.member[m] !== stamp; m = tree.parent[m]) {
        this.member[m] = stamp;
        members.push(m);
        this.hasKids[tree.parent[m]] = stamp;
      }
    };
    for (let r = 0; r < t.count; r++) {
      const node = s.entryNode[s.bases[j] + r];
      if (node === 0) continue; // "/" cleans to "." and dive skips it
      const kind = t.kinds[r];
      if (kind === WHITEOUT) {
        addWithParents(tree.parent[node]);
        this.hasKids[tree.parent[node]] = stamp;
        if (this.whStamp[node] !== stamp) {
          this.whStamp[node] = stamp;
          whiteouts.push(node);
        }
      } else {
        addWithParents(node);
        if (kind !== OPAQUE) {
          this.payloadStamp[node] = stamp;
          this.pSize[node] = t.sizes[r];
          this.pDir[node] = kind === DIR ? 1 : 0;
        }
      }
    }
    return { members, whiteouts };
  }

  /** A layer-tree node's size: its last tar entry's, or 0 for a parent dive made up (FileInfo{}). */
  private payloadSize(node: number, stamp: number): number {
    return this.payloadStamp[node] === stamp ? this.pSize[node] : 0;
  }

  private payloadDir(node: number, stamp: number): number {
    return this.payloadStamp[node] === stamp ? this.pDir[node] : 0;
  }

  /** Efficiency()'s visitor over layer j's leaves, against the tree stacked so far. */
  private visitLeaves(j: number, members: number[], whiteouts: number[]): void {
    const stamp = j + 1;
    const record = (node: number, size: number): void => {
      this.known[node] = 1;
      this.cumulative[node] += size;
      if (this.minSize[node] < 0 || size < this.minSize[node]) this.minSize[node] = size;
      this.seen[node]++;
    };
    const fails = whiteouts.some((n) => !this.present[n]);
    if (!fails) {
      for (const n of members) if (this.hasKids[n] !== stamp) record(n, this.payloadSize(n, stamp));
      for (const n of whiteouts) record(n, this.deletedSize(n));
      return;
    }
    // A lookup fails: order matters, walk leaves children-first with sorted names and stop there.
    for (const { node, whiteout } of this.sortedChildFirst(members, whiteouts)) {
      if (whiteout) {
        if (!this.present[node]) {
          // dive has already put the path in its map (minDiscoveredSize -1, summed into the score)
          this.known[node] = 1;
          return;
        }
        record(node, this.deletedSize(node));
      } else if (this.hasKids[node] !== stamp) record(node, this.payloadSize(node, stamp));
    }
  }

  /** What dive charges a whiteout: the subtree's sizes when the stacked node is a directory, else 0. */
  private deletedSize(node: number): number {
    if (!this.sDir[node]) return 0;
    let sum = 0;
    let sp = 0;
    this.todo[sp++] = node;
    while (sp > 0) {
      const m = this.todo[--sp];
      sum += this.sSize[m];
      for (let c = this.tree.firstChild[m]; c >= 0; c = this.tree.nextSibling[c]) if (this.present[c]) this.todo[sp++] = c;
    }
    return sum;
  }

  /**
   * FileTree.Stack(): grafts layer j's tree onto the stacked tree (j undefined: the initial copy
   * of layer 0). dive grafts children first in sorted name order, but only one ordering matters:
   * a whiteout `.wh.NAME` against the nodes of NAME's own subtree in this layer (adds elsewhere
   * touch no node under NAME, and removals commute). Those nodes hang under the sibling NAME,
   * which is visited as a whole before or after `.wh.NAME` by Go string order: removals that sort
   * first run before every add, the others after.
   */
  private stackLayer(members: number[], whiteouts: number[], j?: number): void {
    const stamp = (j ?? 0) + 1;
    const late: number[] = [];
    if (j !== undefined) {
      for (const n of whiteouts) {
        const key = this.tree.nameByteKey(n);
        if (this.member[n] === stamp && key < WH + key) late.push(n);
        else this.removePath(n);
      }
    }
    for (const n of members) this.addPath(n, stamp);
    for (const n of late) this.removePath(n);
  }

  private addPath(node: number, stamp: number): void {
    const parent = this.tree.parent;
    for (let m = parent[node]; m > 0 && !this.present[m]; m = parent[m]) {
      this.present[m] = 1;
      this.sSize[m] = 0;
      this.sDir[m] = 0;
    }
    this.present[node] = 1;
    this.sSize[node] = this.payloadSize(node, stamp);
    this.sDir[node] = this.payloadDir(node, stamp);
  }

  private removePath(node: number): void {
    if (!this.present[node]) return;
    let sp = 0;
    this.todo[sp++] = node;
    while (sp > 0) {
      const m = this.todo[--sp];
      this.present[m] = 0;
      for (let c = this.tree.firstChild[m]; c >= 0; c = this.tree.nextSibling[c]) if (this.present[c]) this.todo[sp++] = c;
    }
  }

  /** Layer j's tree in VisitDepthChildFirst order: children by Go string order, then the node. */
  private sortedChildFirst(members: number[], whiteouts: number[]): { node: number; whiteout: boolean }[] {
    type Item = { node: number; whiteout: boolean; key: string };
    const kids = new Map<number, Item[]>();
    const put = (parent: number, item: Item): void => {
      const list = kids.get(parent);
      if (list) list.push(item);
      else kids.set(parent, [item]);
    };
    for (const n of members) put(this.tree.parent[n], { node: n, whiteout: false, key: this.tree.nameByteKey(n) });
    for (const n of whiteouts) put(this.tree.parent[n], { node: n, whiteout: true, key: WH + this.tree.nameByteKey(n) });
    for (const list of kids.values()) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const out: { node: number; whiteout: boolean }[] = [];
    const visit = (parent: number): void => {
      for (const item of kids.get(parent) ?? []) {
        if (!item.whiteout) visit(item.node);
        out.push({ node: item.node, whiteout: item.whiteout });
      }
    };
    visit(0);
    return out;
  }
}
