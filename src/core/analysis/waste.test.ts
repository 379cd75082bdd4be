// computeWaste's reasons and totals on hand-made layers, and dive's figures on dive's own test
// cases (dive/filetree/efficiency_test.go).

import { describe, expect, it } from 'vitest';
import { LayerStack } from '../layerstack/stack.ts';
import { layers } from '../layerstack/testing/build.ts';
import { computeWaste } from './waste.ts';

function waste(...specs: string[][]) {
  const tables = layers(...specs);
  return computeWaste(new LayerStack(tables), tables);
}

const list = (w: ReturnType<typeof waste>): string[] => w.files.map((f) => `${f.path}@${f.layer} ${f.size} ${f.reason} by ${f.byLayer}`);

describe('computeWaste', () => {
  it('names why each lower copy is invisible', () => {
    const w = waste(
      ['d /d', 'f /d/del 1', 'f /d/over 2 mtime=1', 'f /d/copy 3 mtime=1', 'd /o', 'f /o/x 4', 'd /blk', 'f /blk/y 5'],
      ['w /d/del', 'f /d/over 20 mtime=2', 'f /d/copy 3 mtime=1 mode=0777', 'o /o', 's /blk -> /elsewhere'],
    );
    expect(list(w)).toEqual([
      '/blk/y@0 5 overwritten by 1',
      '/o/x@0 4 hidden-by-opaque by 1',
      '/d/copy@0 3 copied-up by 1',
      '/d/over@0 2 overwritten by 1',
      '/d/del@0 1 deleted by 1',
    ]);
    expect(w.fileBytes).toBe(1 + 2 + 3 + 4 + 5 + 20 + 3);
    expect(w.finalFileBytes).toBe(23);
    expect(w.reclaimableBytes).toBe(15);
    expect(w.efficiency).toBeCloseTo(23 / 38, 12);
  });

  it('counts hard-linked bytes once, and keeps a file reachable through a visible link', () => {
    const w = waste(['f /a 7', 'h /b -> /a'], ['f /a 16']);
    expect(w.fileBytes).toBe(23);
    expect(w.finalFileBytes).toBe(23); // /b still holds the first 7 bytes
    expect(w.files).toEqual([]);
  });

  it('keeps a lower file reachable through a link made to it before its name was re-written', () => {
    const w = waste(['f /a 7'], ['h /b -> /a', 'f /a 16']);
    expect(w.finalFileBytes).toBe(23);
    expect(w.reclaimableBytes).toBe(0);
  });

  it('is 1 for an image without file bytes', () => {
    expect(waste(['d /a']).efficiency).toBe(1);
  });

  it('keeps only the largest files when asked, totals unchanged', () => {
    const tables = layers(['f /a 1', 'f /b 2', 'f /c 3'], ['w /a', 'w /b', 'w /c']);
    const w = computeWaste(new LayerStack(tables), tables, { maxFiles: 2 });
    expect(w.files.map((f) => f.path)).toEqual(['/c', '/b']);
    expect(w.reclaimableBytes).toBe(6);
  });

  it('refuses tables the stack was not built from', () => {
    const tables = layers(['f /a 1']);
    expect(() => computeWaste(new LayerStack(tables), layers(['f /a 1']))).toThrow(/not the ones/);
  });
});

describe("dive's figures", () => {
  it("match dive's TestEfficency: score 0.75, nginx.conf in two layers wastes 7000", () => {
    const w = waste(
      ['f /etc/nginx/nginx.conf 2000', 'f /etc/nginx/public 3000'],
      ['f /etc/nginx/nginx.conf 5000', 'f /etc/athing 10000'],
      ['w /etc/nginx'],
    );
    expect(w.diveEfficiency).toBe(0.75);
    expect(w.diveWastedBytes).toBe(7000);
    // ours: everything under /etc/nginx is gone, only /etc/athing is left
    expect(w.reclaimableBytes).toBe(10000);
  });

  it("match dive's TestEfficency_ScratchImage: score 1", () => {
    const w = waste(['f /nothing 0'], [], []);
    expect(w.diveEfficiency).toBe(1);
    expect(w.diveWastedBytes).toBe(0);
  });

  it('charge a deleted directory its subtree under its own path, a deleted file nothing', () => {
    const w = waste(['d /dir', 'f /dir/a 10', 'f /file 5'], ['w /dir', 'w /file']);
    // paths: /dir/a once (10); /dir once, the whiteout charged the subtree (10); /file twice
    // (5, then 0 for its whiteout): only /file is "inefficient"
    expect(w.diveWastedBytes).toBe(5);
    expect(w.diveEfficiency).toBeCloseTo((10 + 10 + 0) / (10 + 10 + 5), 12);
    expect(w.reclaimableBytes).toBe(15);
  });
});
