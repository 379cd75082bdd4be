// Test reference: dive's efficiency code transcribed line for line (object trees, Map children,
// a fresh StackTreeRange for every whiteout, exactly as github.com/wagoodman/dive
// dive/filetree/{efficiency.go,file_tree.go,file_node.go} do it). Quadratic and slow: the
// property test holds the fast port (../dive-efficiency.ts) to it on small random stacks.

import { EntryKind } from '../../model/entry-kind.ts';
import type { LayerTable } from '../../model/layer-table.ts';

interface Info {
  size: number;
  isDir: boolean;
}
const EMPTY: Info = { size: 0, isDir: false };
const WH = '.wh.';
const WH_WH = '.wh..wh..';

/** Go's sort.Strings order: by UTF-8 bytes. */
function goLess(a: string, b: string): number {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}

class FileNode {
  children = new Map<string, FileNode>();
  constructor(
    public name: string,
    public parent: FileNode | null,
    public info: Info,
  ) {}
  isWhiteout(): boolean {
    return this.name.startsWith(WH);
  }
  isLeaf(): boolean {
    return this.children.size === 0;
  }
  path(): string {
    // "white out prefixes are fictitious on leaf nodes": stripped from this node's name only
    const names = [this.name.startsWith(WH) ? this.name.slice(WH.length) : this.name];
    for (let p = this.parent; p && p.parent; p = p.parent) names.unshift(p.name);
    return ('/' + names.join('/')).replaceAll('//', '/');
  }
  copy(parent: FileNode | null): FileNode {
    const c = new FileNode(this.name, parent, { ...this.info });
    for (const [k, v] of this.children) c.children.set(k, v.copy(c));
    return c;
  }
  /** children first, names sorted; a visitor's error stops the walk and is returned */
  visitChildFirst(root: FileNode, visit: (n: FileNode) => Error | null, only?: (n: FileNode) => boolean): Error | null {
    for (const key of [...this.children.keys()].sort(goLess)) {
      const err = this.children.get(key)!.visitChildFirst(root, visit, only);
      if (err) return err;
    }
    if (this === root) return null;
    if (!only || only(this)) return visit(this);
    return null;
  }
}

class FileTree {
  root = new FileNode('', null, EMPTY);
  addPath(filepath: string, info: Info): void {
    const names = filepath.split('/').filter((x) => x !== '' && x !== '.');
    if (names.length === 0) return; // path.Clean gives "." : dive returns an error, the caller skips
    let node = this.root;
    for (let idx = 0; idx < names.length; idx++) {
      const name = names[idx];
      let next = node.children.get(name);
      if (!next) {
        if (name.startsWith(WH_WH)) return; // "don't add paths that should be deleted"
        next = new FileNode(name, node, EMPTY);
        node.children.set(name, next);
      }
      node = next;
      if (idx === names.length - 1) node.info = info;
    }
  }
  getNode(path: string): FileNode | null {
    let node: FileNode | undefined = this.root;
    for (const name of path.split('/')) {
      if (name === '') continue;
      node = node.children.get(name);
      if (!node) return null;
    }
    return node;
  }
  removePath(path: string): void {
    const node = this.getNode(path);
    if (node && node.parent) node.parent.children.delete(node.name);
  }
  copy(): FileTree {
    const t = new FileTree();
    t.root = this.root.copy(null);
    return t;
  }
  stack(upper: FileTree): void {
    upper.root.visitChildFirst(upper.root, (n) => {
      if (n.isWhiteout()) this.removePath(n.path());
      else this.addPath(n.path(), n.info);
      return null;
    });
  }
}

function stackTreeRange(trees: FileTree[], start: number, stop: number): FileTree {
  const tree = trees[0].copy();
  for (let i = start; i <= stop; i++) tree.stack(trees[i]);
  return tree;
}

export function layerTreeOf(t: LayerTable): FileTree {
  const tree = new FileTree();
  for (let r = 0; r < t.count; r++) {
    const path = t.path(r);
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash);
    const base = path.slice(slash + 1);
    const kind = t.kinds[r];
    const name = kind === EntryKind.whiteout ? `${dir}/${WH}${base}` : kind === EntryKind.opaque ? `${path}/${WH_WH}opq` : path;
    tree.addPath(name, { size: t.sizes[r], isDir: kind === EntryKind.dir });
  }
  return tree;
}

export function diveEfficiencyLiteral(tables: LayerTable[]): { score: number; wastedBytes: number } {
  const trees = tables.map(layerTreeOf);
  const data = new Map<string, { cumulative: number; min: number; nodes: number }>();
  let current = 0;
  const visitor = (node: FileNode): Error | null => {
    const path = node.path();
    let d = data.get(path);
    if (!d) data.set(path, (d = { cumulative: 0, min: -1, nodes: 0 }));
    let size = 0;
    if (node.isWhiteout()) {
      const stacked = stackTreeRange(trees, 0, current - 1);
      const prev = stacked.getNode(path);
      if (!prev) return new Error(`path does not exist: ${path}`);
      if (prev.info.isDir) {
        prev.visitChildFirst(stacked.root, (n) => {
          size += n.info.size;
          return null;
        });
      }
    } else size = node.info.size;
    d.cumulative += size;
    if (d.min < 0 || size < d.min) d.min = size;
    d.nodes++;
    return null;
  };
  trees.forEach((tree, idx) => {
    current = idx;
    tree.root.visitChildFirst(tree.root, visitor, (n) => n.isLeaf());
  });
  let min = 0;
  let cum = 0;
  let wasted = 0;
  for (const d of data.values()) {
    min += d.min;
    cum += d.cumulative;
    if (d.nodes >= 2) wasted += d.cumulative;
  }
  return { score: cum === 0 ? 1 : min / cum, wastedBytes: wasted };
}
