import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import type { ImageRef } from '../model/image.ts';
import { selectImage } from './select-image.ts';

const img = (index: number, ref: string | null, platform: string | null, digest: string | null = null): ImageRef => {
  const [os, architecture, variant] = platform ? platform.split('/') : [];
  return { index, ref, refs: ref ? [ref] : [], platform: platform ? { os, architecture, ...(variant ? { variant } : {}) } : null, digest };
};

describe('selectImage', () => {
  const multiArch = [img(0, 'latest', 'linux/arm64/v8'), img(1, 'latest', 'linux/amd64'), img(2, 'latest', 'linux/s390x')];

  it('defaults to the first linux/amd64 of a multi-platform index and says why', () => {
    expect(selectImage('f', multiArch, {})).toEqual({ index: 1, reason: 'the first linux/amd64 image of the index' });
  });

  it('falls back to the first image when no linux/amd64 is there', () => {
    expect(selectImage('f', [multiArch[0], multiArch[2]], {}).reason).toMatch(/no linux\/amd64/);
  });

  it('takes the first image of a multi-image archive in its own order', () => {
    const s = selectImage('f', [img(0, 'a:1', 'linux/amd64'), img(1, 'b:2', 'linux/amd64')], {});
    expect(s.index).toBe(0);
    expect(s.reason).toMatch(/first of 2/);
  });

  it('matches platforms with or without variant and OS', () => {
    expect(selectImage('f', multiArch, { platform: 'linux/arm64' }).index).toBe(0);
    expect(selectImage('f', multiArch, { platform: 'arm64/v8' }).index).toBe(0);
    expect(selectImage('f', multiArch, { platform: 's390x' }).index).toBe(2);
  });

  it('matches images by full ref, by short name, by tag, by digest prefix and by index', () => {
    const imgs = [img(0, 'localhost/app:1.0', null, 'sha256:aaaa1111'), img(1, 'localhost/tools:latest', null, 'sha256:bbbb2222')];
    expect(selectImage('f', imgs, { image: 'localhost/tools:latest' }).index).toBe(1);
    expect(selectImage('f', imgs, { image: 'tools' }).index).toBe(1);
    expect(selectImage('f', imgs, { image: '1.0' }).index).toBe(0);
    expect(selectImage('f', imgs, { image: 'bbbb' }).index).toBe(1);
    expect(selectImage('f', imgs, { image: '1' }).index).toBe(1);
  });

  it('names what it holds when the asked image is not there', () => {
    expect(() => selectImage('app.tar', multiArch, { platform: 'windows/amd64' })).toThrow(InputError);
    expect(() => selectImage('app.tar', multiArch, { platform: 'windows/amd64' })).toThrow(/app\.tar: holds no platform "windows\/amd64"; it holds 0: latest linux\/arm64\/v8/);
  });
});
