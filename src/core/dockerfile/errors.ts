// The one error the Dockerfile parser and expander throw: an InputError (file = the Dockerfile's
// name, entry = "line N") that also carries the line range, so the editor can mark it.

import { InputError } from '../errors.ts';
import type { LimitName } from '../limits.ts';

export class DockerfileError extends InputError {
  constructor(
    file: string,
    /** 1-based first line of the instruction or line at fault */
    readonly line: number,
    /** the message, worded as BuildKit words it */
    readonly detail: string,
    /** 1-based last line, when the fault spans several (a continued or heredoc instruction) */
    readonly endLine: number = line,
  ) {
    super(file, `line ${line}`, detail);
  }
}

/** A problem with one instruction, before the caller knows the file and line to put on it. */
export class InstructionError extends Error {
  override readonly name = 'InstructionError';
}

/** A Dockerfile past one of the limits (maxInstructions): its line, and the limit, so a page can offer to raise it. */
export class DockerfileLimitError extends DockerfileError {
  constructor(
    file: string,
    line: number,
    detail: string,
    readonly limit: LimitName,
    readonly value: number,
  ) {
    super(file, line, detail);
  }
}
