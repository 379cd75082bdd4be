// Errors a person can act on: which input, which entry inside it, what was wrong.
// Library code throws these (never prints or exits); problems that do not stop the work are
// returned as warnings beside the result instead (STYLE.md #12).

/**
 * Names inside an input can be megabytes long (a 64 KB tar path, a manifest's 16 MB string): a
 * message shows the start and the end of such a part and says how much was left out.
 */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const tail = Math.min(60, max >> 2);
  const head = max - tail;
  return `${s.slice(0, head)}…[${(s.length - head - tail).toLocaleString('en-US')} more characters]…${s.slice(-tail)}`;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  /** the input file, e.g. "app.tar" */
  readonly file: string;
  /** the entry inside it, e.g. "blobs/sha256/ab12…" or "layer 3: usr/bin/x"; null for the file itself */
  readonly entry: string | null;
  /** what was wrong, in words */
  readonly problem: string;

  constructor(file: string, entry: string | null, problem: string) {
    const f = clipText(file, 500);
    const e = entry === null ? null : clipText(entry, 500);
    const p = clipText(problem, 2000);
    super(`${f}${e ? `: ${e}` : ''}: ${p}`);
    this.file = f;
    this.entry = e;
    this.problem = p;
  }
}

/** Thrown when the caller's AbortSignal fires; not a problem with the input. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
