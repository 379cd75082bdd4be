// Runs one hostile case the way the app does: an archive is read by readArchive from a Blob (as
// the worker reads a dropped File), then stacked, exported and laid out as the page and the CLI
// do; a Dockerfile is parsed, resolved and simulated, then stacked and exported; a share link is
// decoded and opened as the page opens it (open-link.ts). The outcome is classified: a typed error (InputError, or the Dockerfile code's own typed errors), a result
// with its warnings, or a crash (anything else), which is what the corpus tests forbid.

import { BlobSource } from '../bytes/source.ts';
import { CancelledError, InputError } from '../errors.ts';
import { readArchive } from '../formats/read-archive.ts';
import { SimulationError } from '../simulate/types.ts';
import { withLimits } from '../limits.ts';
import type { HostileCase } from './case.ts';
import { openLink } from './open-link.ts';
import { useArchive, useDockerfile } from './use-result.ts';

/** Every message of a refused share link starts so (src/core/share/link.ts). */
export const LINK_REFUSED = 'This share link cannot be opened';

export type Outcome =
  /** `names`: what the message must start with, when not the case's fileName (a share link's own words) */
  | { kind: 'error'; message: string; problem: string; names?: string }
  | { kind: 'result'; warnings: string[] }
  | { kind: 'crash'; error: unknown };

/** The per-case time budget (issue 6: under 5 s in the CLI and in the worker). */
export const BUDGET_MS = 5000;

export async function runCase(c: HostileCase, bytes: Uint8Array, signal?: AbortSignal): Promise<Outcome> {
  try {
    if (c.kind === 'archive') {
      const archive = await readArchive(new BlobSource(c.fileName, new Blob([bytes as Uint8Array<ArrayBuffer>])), {
        limits: c.limits,
        signal,
        concurrency: 2,
      });
      useArchive(archive);
      return { kind: 'result', warnings: archive.warnings };
    }
    if (c.kind === 'link') {
      // The input is the fragment a stranger's link carries; its Dockerfile, if any, names itself.
      const r = await openLink(new TextDecoder().decode(bytes), signal);
      if (!r.ok) return { kind: 'error', message: r.problem, problem: r.problem, names: LINK_REFUSED };
      return { kind: 'result', warnings: r.warnings };
    }
    const text = new TextDecoder().decode(bytes);
    const sim = await useDockerfile(text, { file: c.fileName, limits: c.limits, signal });
    useArchive(sim);
    return { kind: 'result', warnings: sim.warnings };
  } catch (e) {
    // A share link's Dockerfile names itself: its error starts with that name.
    if (e instanceof InputError) return { kind: 'error', message: e.message, problem: e.problem, names: c.kind === 'link' ? e.file : undefined };
    // The simulator's typed error: a build would fail the same way (the CLI reports it as bad input).
    if (e instanceof SimulationError) return { kind: 'error', message: `${c.fileName}: ${e.message}`, problem: e.problem };
    if (e instanceof CancelledError) return { kind: 'crash', error: new Error(`still running after ${BUDGET_MS} ms`) };
    return { kind: 'crash', error: e };
  }
}

/** Whether an outcome is what the case allows; null when it is, else what was wrong. */
export function judge(c: HostileCase, o: Outcome, elapsedMs: number): string | null {
  if (o.kind === 'crash') {
    const err = o.error instanceof Error ? `${o.error.name}: ${o.error.message}\n${o.error.stack ?? ''}` : String(o.error);
    return `crashed: ${err}`;
  }
  if (elapsedMs > BUDGET_MS) return `took ${Math.round(elapsedMs)} ms (budget ${BUDGET_MS} ms)`;
  if (o.kind === 'error') {
    // The message names the input and says what is wrong.
    if (!o.message.startsWith(o.names ?? c.fileName)) return `error does not name the input: ${o.message}`;
    // A link's message is one sentence on one line (the page shows it as is).
    if (o.names === LINK_REFUSED && /[\r\n\u2028\u2029]/.test(o.message)) return `error is not one line: ${JSON.stringify(o.message)}`;
    if (o.problem.trim().length < 8) return `error does not say what is wrong: ${o.message}`;
  }
  const want = c.expect;
  if (want.outcome === 'error' && o.kind !== 'error') return `should be refused, was read (warnings: ${JSON.stringify(o.warnings)})`;
  if (want.outcome === 'result' && o.kind !== 'result') return `should be read, was refused: ${o.message}`;
  if (want.says) {
    const said = o.kind === 'error' ? [o.problem] : o.warnings;
    if (!said.some((s) => want.says!.test(s))) return `should say ${want.says}, said ${JSON.stringify(said)}`;
  }
  return null;
}

/** The limits a case runs with, for the CLI's flags. */
export function limitFlags(c: HostileCase): string[] {
  if (!c.limits) return [];
  const resolved = withLimits(c.limits);
  return Object.keys(c.limits).flatMap((k) => ['--limit', `${k}=${resolved[k as keyof typeof resolved]}`]);
}
