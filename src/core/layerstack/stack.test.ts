// One test per stacking rule (OCI layer.md "Whiteouts", DESIGN.md "Semantics to get right"), on
// hand-made layers (testing/build.ts), plus the read path's and change marks' own rules.

import { describe, expect, it } from 'vitest';
import { CHANGE_MARK_NAMES } from '../model/entry-kind.ts';
import { LayerStack } from './stack.ts';
import { layers } from './testing/build.ts';

function visible(stack: LayerStack, k = stack.layerCount - 1): string[] {
  const out: string[] = [];
  stack.mergedAt(k).forEach((p, layer) => out.push(`${p}@${layer}`));
  return out;
}

const outcomes = (stack: LayerStack, path: string, k?: number): string =>
  stack.readPath(path, k).steps.map((s) => `${s.layer}:${s.outcome}`).join(' ');

const marks = (stack: LayerStack, i: number): string[] => [...stack.changes(i)].map((m) => CHANGE_MARK_NAMES[m]);

describe('whiteouts', () => {
  it('hide the name and everything under it in lower layers', () => {
    const s = new LayerStack(layers(['d /a', 'f /a/x 1', 'd /a/d', 'f /a/d/y 2', 'f /b 3'], ['w /a']));
    expect(visible(s)).toEqual(['/b@0']);
    expect(outcomes(s, '/a/d/y')).toBe('1:whiteout 0:shadowed');
    expect(s.readPath('/a/d/y').found).toBeNull();
  });

  it('do not hide an entry for the same name in their own layer', () => {
    const s = new LayerStack(layers(['d /a', 'f /a/x 1'], ['w /a', 'd /a', 'f /a/new 2']));
    expect(visible(s)).toEqual(['/a@1', '/a/new@1']);
    expect(outcomes(s, '/a')).toBe('1:hit 0:shadowed');
    expect(outcomes(s, '/a/x')).toBe('1:whiteout 0:shadowed');
  });

  it('leave higher layers alone', () => {
    const s = new LayerStack(layers(['f /a 1'], ['w /a'], ['f /a 2']));
    expect(visible(s)).toEqual(['/a@2']);
    expect(outcomes(s, '/a')).toBe('2:hit 0:shadowed');
    expect(visible(s, 1)).toEqual([]);
  });
});

describe('opaque directories', () => {
  it('hide every lower child, whatever the marker position in the tar; children of the same layer stay', () => {
    const s = new LayerStack(
      layers(['d /data', 'f /data/a 1', 'd /data/sub', 'f /data/sub/c 1', 'f /other 1'], ['d /data', 'f /data/new 1', 'o /data']),
    );
    expect(visible(s)).toEqual(['/data@1', '/data/new@1', '/other@0']);
    expect(outcomes(s, '/data/sub/c')).toBe('1:opaque 0:shadowed');
    expect(outcomes(s, '/data')).toBe('1:hit 0:shadowed');
  });

  it('keep the lower directory itself when the layer has no entry for it', () => {
    const s = new LayerStack(layers(['d /data', 'f /data/a 1'], ['o /data']));
    expect(visible(s)).toEqual(['/data@0']);
  });

  it('on the root hide everything below', () => {
    const s = new LayerStack(layers(['d /a', 'f /a/b 1'], ['o /', 'f /c 1']));
    expect(visible(s)).toEqual(['/c@1']);
  });
});

describe('non-directories and directories over each other', () => {
  it('a file over a directory hides the directory and all below it', () => {
    const s = new LayerStack(layers(['d /a', 'f /a/b 1', 'd /a/c'], ['f /a 9']));
    expect(visible(s)).toEqual(['/a@1']);
    expect(outcomes(s, '/a/b')).toBe('1:blocked 0:shadowed');
    expect(s.readPath('/a').found).toEqual({ layer: 1, kind: 'file', size: 9 });
  });

  it('a symlink over a directory blocks reads below it (symlinks are not followed)', () => {
    const s = new LayerStack(layers(['d /lib', 'f /lib/x 1'], ['s /lib -> /usr/lib']));
    expect(outcomes(s, '/lib/x')).toBe('1:blocked 0:shadowed');
  });

  it('a directory over a file replaces it', () => {
    const s = new LayerStack(layers(['f /a 5'], ['d /a', 'f /a/b 1']));
    expect(visible(s)).toEqual(['/a@1', '/a/b@1']);
    expect(s.readPath('/a').found).toEqual({ layer: 1, kind: 'dir', size: 0 });
  });

  it('a directory over a directory merges: the lower children stay, the upper entry provides the dir', () => {
    const s = new LayerStack(layers(['d /a mode=0755', 'f /a/x 1'], ['d /a mode=0700', 'f /a/y 1']));
    expect(visible(s)).toEqual(['/a@1', '/a/x@0', '/a/y@1']);
  });

  it('the same path twice in one layer: the later tar entry wins', () => {
    const s = new LayerStack(layers(['f /a 1', 'f /a 2']));
    expect(s.mergedAt(0).get('/a')).toEqual({ layer: 0, row: 1 });
    expect(s.readPath('/a').found?.size).toBe(2);
  });
});

describe('hard links', () => {
  it('take the size of the file they link to, in the same layer or below', () => {
    const s = new LayerStack(layers(['f /a 7', 'h /b -> /a'], ['h /c -> /a']));
    expect(s.readPath('/b').found).toEqual({ layer: 0, kind: 'hardlink', size: 7 });
    expect(s.readPath('/c').found).toEqual({ layer: 1, kind: 'hardlink', size: 7 });
  });

  it('keep the bytes they shared when the target name is re-written later', () => {
    const s = new LayerStack(layers(['f /a 7', 'h /b -> /a'], ['f /a 16']));
    expect(s.readPath('/b').found?.size).toBe(7);
    expect(s.readPath('/a').found?.size).toBe(16);
  });

  it('to a lower file re-written later in the same tar keep the lower bytes', () => {
    const s = new LayerStack(layers(['f /a 7'], ['h /b -> /a', 'f /a 16']));
    expect(s.readPath('/b').found).toEqual({ layer: 1, kind: 'hardlink', size: 7 });
  });

  it('to a missing target have no bytes', () => {
    const s = new LayerStack(layers(['h /b -> /nowhere']));
    expect(s.readPath('/b').found).toEqual({ layer: 0, kind: 'hardlink', size: 0 });
  });
});

describe('read path', () => {
  const s = new LayerStack(layers(['d /etc', 'f /etc/passwd 10'], ['d /etc', 'f /etc/passwd 20'], ['d /tmp']));

  it('walks down from the top, stops at the hit and lists lower copies as shadowed', () => {
    expect(s.readPath('/etc/passwd')).toEqual({
      path: '/etc/passwd',
      layer: 2,
      steps: [
        { layer: 2, outcome: 'miss' },
        { layer: 1, outcome: 'hit' },
        { layer: 0, outcome: 'shadowed' },
      ],
      found: { layer: 1, kind: 'file', size: 20 },
    });
  });

  it('starts at the layer asked for', () => {
    expect(outcomes(s, '/etc/passwd', 0)).toBe('0:hit');
  });

  it('normalizes the path it is given', () => {
    expect(s.readPath('etc/./x/../passwd/').path).toBe('/etc/passwd');
    expect(s.readPath('etc/./x/../passwd/').found?.layer).toBe(1);
  });

  it('misses in every layer for a name nobody wrote', () => {
    expect(s.readPath('/nope/deeper')).toEqual({
      path: '/nope/deeper',
      layer: 2,
      steps: [2, 1, 0].map((layer) => ({ layer, outcome: 'miss' })),
      found: null,
    });
  });

  it('rejects a layer out of range', () => {
    expect(() => s.readPath('/etc', 3)).toThrow(RangeError);
    expect(() => s.mergedAt(-1)).toThrow(RangeError);
  });

  it('of an empty stack has no steps', () => {
    expect(new LayerStack([]).readPath('/a')).toEqual({ path: '/a', layer: -1, steps: [], found: null });
  });
});

describe('merged view', () => {
  it('is cached per layer and lists parents before children in first-seen order', () => {
    const s = new LayerStack(layers(['d /b', 'f /b/2 1', 'd /a', 'f /b/1 1', 'f /a/x 1']));
    expect(s.mergedAt(0)).toBe(s.mergedAt(0));
    expect(visible(s)).toEqual(['/b@0', '/b/2@0', '/b/1@0', '/a@0', '/a/x@0']);
    expect(s.mergedAt(0).count).toBe(5);
    expect(s.mergedAt(0).get('/b/1/')).toEqual({ layer: 0, row: 3 });
    expect(s.mergedAt(0).get('/zzz')).toBeNull();
  });
});

describe('change marks', () => {
  it('added, deleted, and the copy-up rule (same kind, size, target, mtime → attributes)', () => {
    const s = new LayerStack(
      layers(
        ['d /d mode=0755', 'f /d/one 4 mode=0644 mtime=5', 'f /d/two 4 mtime=5', 's /d/l -> x', 'f /d/three 4 mtime=5', 'f /d/four 1'],
        [
          'd /d mode=0777', // dir over dir, mode changed
          'f /d/one 4 mode=0777 mtime=5', // chmod copy-up
          'f /d/two 4 mtime=5', // copy-up, nothing changed
          's /d/l -> y', // retargeted
          'f /d/three 4 mtime=6', // rewritten: mtime moved
          'd /d/four', // a directory over a file
          'f /d/new 1',
          'w /d/gone',
          'o /d',
        ],
      ),
    );
    expect(marks(s, 0)).toEqual(['added', 'added', 'added', 'added', 'added', 'added']);
    expect(marks(s, 1)).toEqual(['attributes', 'attributes', 'attributes', 'modified', 'modified', 'modified', 'added', 'deleted', 'deleted']);
  });

  it('a directory re-listed unchanged is attributes, not modified', () => {
    const s = new LayerStack(layers(['d /run', 'd /d'], ['d /run', 'd /d', 'f /d/x 1']));
    expect(marks(s, 1)).toEqual(['attributes', 'attributes', 'added']);
  });

  it('compare with what is visible below, not with any lower copy', () => {
    const s = new LayerStack(layers(['f /a 1'], ['w /a'], ['f /a 1']));
    expect(marks(s, 2)).toEqual(['added']);
  });
});
