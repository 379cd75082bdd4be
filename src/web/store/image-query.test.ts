import { describe, expect, it } from 'vitest';
import type { ImageRef } from '../../core/model/image.ts';
import { imageQuery } from './image-query.ts';

const ref = (index: number, digest: string | null): ImageRef => ({ index, ref: null, refs: [], platform: null, digest });

describe('imageQuery', () => {
  it('prefers a unique digest, else the index', () => {
    const imgs = [ref(0, 'sha256:aa'), ref(1, 'sha256:bb'), ref(2, 'sha256:bb'), ref(3, null)];
    expect(imageQuery(imgs, 0)).toBe('sha256:aa');
    expect(imageQuery(imgs, 1)).toBe('1');
    expect(imageQuery(imgs, 3)).toBe('3');
  });
});
