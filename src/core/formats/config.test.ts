import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { pairHistory, parseConfig } from './config.ts';

const enc = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));

describe('parseConfig', () => {
  it('reads runtime settings, diff_ids and history', () => {
    const c = parseConfig('f', 'cfg.json', enc({
      os: 'linux', architecture: 'arm64', variant: 'v8', created: '2026-01-01T00:00:00Z',
      config: { Env: ['A=1'], Cmd: ['sh'], WorkingDir: '/app', User: 'app', ExposedPorts: { '80/tcp': {} }, Labels: { a: 'b', n: 3 } },
      rootfs: { type: 'layers', diff_ids: ['sha256:1', 'sha256:2'] },
      history: [{ created_by: 'ADD x', created: 't' }, { created_by: 'ENV A=1', empty_layer: true }, { created_by: 'RUN y' }],
    }));
    expect(c.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(c.summary).toEqual({ env: ['A=1'], cmd: ['sh'], entrypoint: null, workdir: '/app', user: 'app', exposedPorts: ['80/tcp'], labels: { a: 'b' } });
    expect(c.diffIds).toEqual(['sha256:1', 'sha256:2']);
    expect(c.history.map((h) => h.emptyLayer)).toEqual([false, true, false]);
  });

  it('names the member when the config is not JSON', () => {
    expect(() => parseConfig('app.tar', 'blobs/sha256/ab', new TextEncoder().encode('{oops'))).toThrow(InputError);
    expect(() => parseConfig('app.tar', 'blobs/sha256/ab', new TextEncoder().encode('{oops'))).toThrow(/app\.tar: blobs\/sha256\/ab: is not valid JSON/);
    expect(() => parseConfig('app.tar', 'c.json', enc([1, 2]))).toThrow(/should be a JSON object/);
  });
});

describe('pairHistory', () => {
  const h = (...empty: boolean[]) => empty.map((e, index) => ({ index, createdBy: `c${index}`, created: null, comment: null, emptyLayer: e }));

  it('pairs non-empty entries with layers in order and keeps empty ones', () => {
    const w: string[] = [];
    const r = pairHistory(h(false, true, false, true), 2, w);
    expect(r.history.map((x) => x.layerIndex)).toEqual([0, null, 1, null]);
    expect(r.layerHistory).toEqual([0, 2]);
    expect(w).toEqual([]);
  });

  it('says so when the counts differ, and keeps going', () => {
    const w: string[] = [];
    const r = pairHistory(h(false, false, false), 2, w);
    expect(r.history.map((x) => x.layerIndex)).toEqual([0, 1, null]);
    expect(w[0]).toMatch(/3 entries that make layers but the image has 2 layers/);
    const w2: string[] = [];
    expect(pairHistory(h(false), 3, w2).layerHistory).toEqual([0, null, null]);
    expect(w2).toHaveLength(1);
  });
});
