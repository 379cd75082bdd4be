import { describe, expect, it } from 'vitest';
import type { ImageArchive, ImageRef } from '../../../core/model/image.ts';
import { imageLabel, shownReason } from './default-reason.ts';

const ref = (index: number, platform: ImageRef['platform'], refs: string[] = [], digest: string | null = null): ImageRef => ({
  index, ref: refs[0] ?? null, refs, platform, digest,
});
function archive(images: ImageRef[], selected: number, selectedReason: string): ImageArchive {
  const image = null as unknown as ImageArchive['image']; // shownReason never reads the image
  return { input: { name: 'x.tar', bytes: 1, format: 'oci-layout' }, images, selected, selectedReason, warnings: [], image };
}

describe('shownReason', () => {
  const amd = ref(0, { os: 'linux', architecture: 'amd64' });
  const arm = ref(1, { os: 'linux', architecture: 'arm64', variant: 'v8' });

  it("states core's reason for the default", () => {
    expect(shownReason(archive([amd, arm], 0, 'the first linux/amd64 image of the index'), null)).toBe(
      'Shown by default: the first linux/amd64 image of the index. Pick another to read it.',
    );
  });
  it('says when the user picked it', () => {
    expect(shownReason(archive([amd, arm], 1, 'chosen: image "1"'), 1)).toBe('Showing the image you picked.');
  });
});

describe('imageLabel', () => {
  it('joins platform and refs, falls back to the position', () => {
    expect(imageLabel(ref(0, { os: 'linux', architecture: 'arm64', variant: 'v8' }, ['app:1', 'app:latest']))).toBe('linux/arm64/v8 · app:1, app:latest');
    expect(imageLabel(ref(2, null))).toBe('image 3');
  });
});
