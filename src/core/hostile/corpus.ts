// The whole hostile-input corpus: cases made from the real fixtures, hand-made layers and
// archives, and Dockerfiles. Both runners (the core reader, the CLI) take their cases here.

import { archiveCases } from './archive-cases.ts';
import type { HostileCase } from './case.ts';
import { dockerfileCases } from './dockerfile-cases.ts';
import { fixtureCases, type Fixture } from './fixture-cases.ts';
import { layerCases } from './layer-cases.ts';

export type { Fixture } from './fixture-cases.ts';

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

export function allCases(fixtures: Fixture[]): HostileCase[] {
  return [...fixtureCases(fixtures), ...layerCases(), ...archiveCases(), ...dockerfileCases()];
}
