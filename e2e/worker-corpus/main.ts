// The harness page's entry (index.html beside it), driven by e2e/hostile-worker.spec.ts through
// `window.corpus`: build the corpus in the page from the real fixtures and the stored share links
// (the spec serves both at /__fixtures/ and /__samples/, same origin), then, case by case, build
// its bytes (prepare) and run it through the app's workers (run). Two calls, so the spec samples
// memory while a case runs and not while its input is being made.

import type { HostileCase } from '../../src/core/hostile/case.ts';
import { allCases, readSample } from '../../src/core/hostile/corpus.ts';
import type { CaseInfo, CaseRow } from './row.ts';
import { runInPage } from './run-in-page.ts';
import { readArchive, simulate, stackAndAsk } from './workers.ts';

export interface CorpusApi {
  /** builds the case list (no bytes yet) from the fixtures and sample links named */
  init(fixtures: string[], samples: string[]): Promise<CaseInfo[]>;
  /** loads the workers and their modules with a good archive and Dockerfile; throws if they fail */
  warmUp(): Promise<void>;
  /** makes case `index`'s input, held for run(); returns its size in bytes */
  prepare(index: number): Promise<number>;
  /** runs the prepared case */
  run(): Promise<CaseRow>;
}

declare global {
  interface Window {
    corpus: CorpusApi;
  }
}

let cases: HostileCase[] = [];
let good: File | null = null;
let prepared: { c: HostileCase; bytes: Uint8Array<ArrayBuffer> } | null = null;

async function fetched(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

window.corpus = {
  async init(fixtureNames, sampleNames) {
    const fixtures = await Promise.all(
      fixtureNames.map(async (name) => ({ name, bytes: new Uint8Array(await (await fetched(`/__fixtures/${name}`)).arrayBuffer()) })),
    );
    const samples = await Promise.all(sampleNames.map(async (name) => readSample(name, (await (await fetched(`/__samples/${name}`)).text()).trim())));
    good = new File([fixtures[0].bytes], fixtures[0].name);
    cases = allCases(fixtures, samples);
    return cases.map((c) => ({ name: c.name, group: c.group, kind: c.kind }));
  },

  async warmUp() {
    if (!good) throw new Error('init first');
    const deadline = performance.now() + 60_000;
    const archive = await readArchive(good, undefined, deadline);
    await stackAndAsk(archive.image, deadline);
    const sim = await simulate('FROM scratch\nENV A=1\nRUN echo hi > /hi\n', 'Dockerfile', {}, deadline);
    await stackAndAsk(sim.image, deadline);
  },

  async prepare(index) {
    const c = cases[index];
    // Made here, never over a SharedArrayBuffer (the page is not cross-origin isolated): no copy.
    const bytes = (await c.bytes()) as Uint8Array<ArrayBuffer>;
    prepared = { c, bytes };
    return bytes.length;
  },

  async run() {
    if (!prepared) throw new Error('prepare a case first');
    const { c, bytes } = prepared;
    prepared = null;
    return runInPage(c, bytes);
  },
};
