// Errors a person can act on: which input, which entry inside it, what was wrong.
// Library code throws these (never prints or exits); problems that do not stop the work are
// returned as warnings beside the result instead (STYLE.md #12).

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** the input file, e.g. "app.tar" */
    readonly file: string,
    /** the entry inside it, e.g. "blobs/sha256/ab12…" or "layer 3: usr/bin/x"; null for the file itself */
    readonly entry: string | null,
    /** what was wrong, in words */
    readonly problem: string,
  ) {
    super(`${file}${entry ? `: ${entry}` : ''}: ${problem}`);
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
