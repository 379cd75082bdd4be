// The whole hostile-input corpus: cases made from the real fixtures, hand-made layers and
// archives, Dockerfiles, and share links made from the stored sample links. Both runners (the
// core reader, the CLI) take their cases here; the CLI has no share links, so it runs none.

import { archiveCases } from './archive-cases.ts';
import type { HostileCase } from './case.ts';
import { dockerfileCases } from './dockerfile-cases.ts';
import { fixtureCases, type Fixture } from './fixture-cases.ts';
import { layerCases } from './layer-cases.ts';
import { linkCases, type LinkSample } from './link-cases.ts';

export type { Fixture } from './fixture-cases.ts';
export { readSample, type LinkSample } from './link-cases.ts';

/** The fixtures the corpus breaks: every layout, every compression, PAX and GNU names, an index. */
export const CORPUS_FIXTURES = [
  'busybox.docker.tar',
  'links-longnames.docker.tar',
  'gnutar-import.oci.tar',
  'busybox.oci-zstd.tar',
  'multi-arch-index.oci.tar',
  'whiteouts.docker25.tar',
  'metadata.oci-uncompressed.tar',
  'seed-a-bloated.docker.tar.gz',
];

/** `links`: the stored sample links (src/core/share/samples, read with readSample); none, no link cases. */
export function allCases(fixtures: Fixture[], links: LinkSample[] = []): HostileCase[] {
  return [...fixtureCases(fixtures), ...layerCases(), ...archiveCases(), ...dockerfileCases(), ...linkCases(links)];
}
