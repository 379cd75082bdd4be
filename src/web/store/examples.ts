// The built-in examples: small real image archives in public/examples/ (see its README.md for
// where they came from). Served beside index.html, fetched as a Blob and read like a dropped file.
// Dockerfile examples are fetched as text and simulated (share-slice.ts openDockerfile).

export interface Example {
  /** the name in `#example=NAME` and in `data-example` */
  name: string;
  file: string;
  /** what it shows, in a few words */
  blurb: string;
  /** an image archive (default) or a Dockerfile the app simulates */
  kind?: 'image' | 'dockerfile';
}

export const EXAMPLES: readonly Example[] = [
  { name: 'seed-a-bloated', file: 'seed-a-bloated.oci.tar', blurb: 'six RUN layers: dd, chmod -R copy-ups, rm' },
  { name: 'seed-b-merged', file: 'seed-b-merged.oci.tar', blurb: 'the same work in one RUN' },
  { name: 'whiteouts', file: 'whiteouts.oci.tar', blurb: 'deleted files, an opaque dir, moves' },
  { name: 'multi-arch-index', file: 'multi-arch-index.oci.tar', blurb: 'an OCI index: linux/amd64 and linux/arm64' },
  // The classic layer lessons as Dockerfiles (public/examples/*.Dockerfile), simulated in the page.
  { name: 'app-on-node', file: 'app-on-node.Dockerfile', blurb: 'an app on a framework base: ENV, EXPOSE, ENTRYPOINT make no layer', kind: 'dockerfile' },
  { name: 'ubuntu-vim', file: 'ubuntu-vim.Dockerfile', blurb: 'MAINTAINER, RUN mkdir, RUN apt-get install vim on ubuntu', kind: 'dockerfile' },
  { name: 'busybox-six-runs', file: 'busybox-six-runs.Dockerfile', blurb: 'the bloat lesson: six RUN layers (dd, chmod -R, rm)', kind: 'dockerfile' },
  { name: 'busybox-one-run', file: 'busybox-one-run.Dockerfile', blurb: 'the same six steps merged into one RUN', kind: 'dockerfile' },
];

export function findExample(name: string | undefined | null): Example | null {
  return EXAMPLES.find((e) => e.name === name) ?? null;
}

/** Relative to the page, so the build works from any path (vite `base: './'`). */
export function exampleUrl(e: Example, baseUri: string): string {
  return new URL(`examples/${e.file}`, baseUri).href;
}
