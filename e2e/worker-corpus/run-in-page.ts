// One hostile case run as the page runs it, through its real workers (workers.ts): an archive
// dropped (AnalyzerClient), a Dockerfile opened (SimulateClient), a share link opened (decoded on
// the main thread, as share-slice.ts's openShareLink does, then the summary page's steps or the
// Dockerfile simulated in its worker); whatever reads OK is stacked in the stack worker. The
// outcome is mapped to core's Outcome and judged by core's `judge` (src/core/hostile/run-case.ts),
// the same verdicts as the Node corpus.

import type { HostileCase } from '../../src/core/hostile/case.ts';
import { openSummary } from '../../src/core/hostile/open-link.ts';
import { judge, LINK_REFUSED, type Outcome } from '../../src/core/hostile/run-case.ts';
import { decodeShare } from '../../src/core/share/link.ts';
import type { ReadError } from '../../src/web/store/analyzer-client.ts';
import type { CaseRow } from './row.ts';
import { deadlineFromNow, readArchive, Refused, simulate, stackAndAsk, type Deadline } from './workers.ts';

/**
 * A ReadError that is not about the input: the worker's form of an unexpected exception
 * (src/worker/wire.ts toWireError: "`${e.name}: ${e.message}`", e.g. "TypeError: …" or
 * "RangeError: Maximum call stack size exceeded") or a worker that died (the clients' onerror:
 * "the reader stopped: …"). The clients hand both to the page as a ReadError like any other.
 */
const INTERNAL = /^(?:[A-Z][A-Za-z]*(?:Error|Exception): |the (?:reader|simulator) stopped: )/;

interface Timing {
  readMs: number;
  stackMs: number;
}

export async function runInPage(c: HostileCase, bytes: Uint8Array<ArrayBuffer>): Promise<CaseRow> {
  const t: Timing = { readMs: 0, stackMs: 0 };
  const started = performance.now();
  const deadline = deadlineFromNow();
  let o: Outcome;
  try {
    o = await outcomeOf(c, bytes, deadline, t);
  } catch (e) {
    o = thrown(c, e);
  }
  const ms = performance.now() - started;
  const said = o.kind === 'error' ? o.message : o.kind === 'result' ? (o.warnings[0] ?? '') : String(o.error);
  return {
    name: c.name,
    group: c.group,
    kind: c.kind,
    outcome: o.kind,
    warnings: o.kind === 'result' ? o.warnings.length : 0,
    problem: judge(c, o, ms),
    readMs: t.readMs,
    stackMs: t.stackMs,
    ms,
    said: said.slice(0, 200),
  };
}

async function outcomeOf(c: HostileCase, bytes: Uint8Array<ArrayBuffer>, deadline: Deadline, t: Timing): Promise<Outcome> {
  const timed = async <T>(key: keyof Timing, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      t[key] += performance.now() - t0;
    }
  };
  if (c.kind === 'archive') {
    // What a drop hands the page: a File (the worker reads it by reference).
    const file = new File([bytes], c.fileName);
    const archive = await timed('readMs', () => readArchive(file, c.limits, deadline));
    await timed('stackMs', () => stackAndAsk(archive.image, deadline));
    return { kind: 'result', warnings: archive.warnings };
  }
  if (c.kind === 'dockerfile') {
    const text = new TextDecoder().decode(bytes);
    const sim = await timed('readMs', () => simulate(text, c.fileName, { limits: c.limits }, deadline));
    await timed('stackMs', () => stackAndAsk(sim.image, deadline));
    return { kind: 'result', warnings: sim.warnings };
  }
  // A share link: decoded on the main thread (share-slice.ts openShareLink).
  const r = await timed('readMs', () => decodeShare(new TextDecoder().decode(bytes)));
  if (!r.ok) return { kind: 'error', message: r.problem, problem: r.problem, names: LINK_REFUSED };
  const { state } = r;
  if (state.kind === 'image') return { kind: 'result', warnings: await timed('readMs', () => openSummary(state)) };
  // A Dockerfile opened from a link: simulated in the worker, stacked, the link's file picked.
  const sim = await timed('readMs', () => simulate(state.text, state.name, { builder: state.builder }, deadline));
  await timed('stackMs', () => stackAndAsk(sim.image, deadline, state.view.file === undefined ? [] : [state.view.file]));
  return { kind: 'result', warnings: sim.warnings };
}

/** What a step threw, as core's Outcome: refused input, or a crash (OverBudget, a stack worker's error, anything else). */
function thrown(c: HostileCase, e: unknown): Outcome {
  return e instanceof Refused ? refused(c, e.error) : { kind: 'crash', error: e };
}

function refused(c: HostileCase, e: ReadError): Outcome {
  const message = `${e.file}${e.entry ? `: ${e.entry}` : ''}: ${e.problem}`;
  if (INTERNAL.test(e.problem)) return { kind: 'crash', error: new Error(`the worker failed: ${message}`) };
  // A link's Dockerfile names itself (its name in the link), as the page's error region shows it.
  return { kind: 'error', message, problem: e.problem, names: c.kind === 'link' ? e.file : undefined };
}
