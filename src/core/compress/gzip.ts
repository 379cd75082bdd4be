// gzip through the native DecompressionStream (the fastest decoder here: DESIGN.md "Measured
// here"), with multi-member support and bounded read-ahead in every runtime.
//
// RFC 1952 §2.2: a gzip file is a series of members. Chromium's DecompressionStream (156) stops
// after the first and errors "Junk found after end of compressed data", dropping output still
// queued. So the input is split before every possible member start (bytes 1f 8b 08, §2.3.1) and
// fed one piece at a time, draining the output after each: a member then always ends at a piece
// boundary, and when the decoder refuses the next piece, that piece starts a new member with a
// fresh decoder. Node decodes members natively, but its DecompressionStream queues up to ≈ 120
// MiB of output ahead of a reader (measured, README.md); feeding it in this lock-step keeps that
// to one input chunk's worth for the same CPU time, so both runtimes take this path.

import { DecompressError, describe } from './errors.ts';
import { isMemberStart, memberStarts } from './member-starts.ts';

const MARK = Symbol('empty');

/** Decodes gzip, one DecompressionStream per member, fed piece by piece (see the top of the file). */
export function gunzip(input: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const src = input.getReader();
  let writer: WritableStreamDefaultWriter<Uint8Array>;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  let pending: Promise<ReadableStreamReadResult<Uint8Array>>;
  let membersFed = 0; // bytes fed to the current decoder
  let consumed = 0; // compressed bytes fed to all decoders
  let carry: Uint8Array | null = null;
  let finished = false;
  let emitted = 0; // output chunks handed on, so pull() knows it produced something

  const open = () => {
    const ds = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
    writer = ds.writable.getWriter();
    reader = ds.readable.getReader();
    // A read is always pending: it lifts the readable side's backpressure so writes can run.
    pending = reader.read();
    pending.catch(() => {});
    writer.closed.catch(() => {});
    membersFed = 0;
  };
  open();

  /** Moves every output chunk already produced into `out`, leaving one read pending. */
  const drain = async (out: ReadableStreamDefaultController<Uint8Array>): Promise<boolean> => {
    for (;;) {
      const r = await Promise.race([pending, Promise.resolve(MARK)]);
      if (r === MARK) return false;
      if (r.done) return true;
      out.enqueue(r.value);
      emitted++;
      pending = reader.read();
      pending.catch(() => {});
    }
  };

  /** Writes one piece, reading output while the decoder works (Node holds a write until its output is read). */
  const write = async (piece: Uint8Array, out: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
    let settled = false;
    const w = writer.write(piece).then(() => {
      settled = true;
    });
    w.catch(() => {});
    const written = w.then((): typeof MARK => MARK);
    written.catch(() => {});
    while (!settled) {
      const r = await Promise.race([pending, written]);
      if (r === MARK) break;
      if (r.done) break;
      out.enqueue(r.value);
      emitted++;
      pending = reader.read();
      pending.catch(() => {});
    }
    await w;
  };

  const feed = async (piece: Uint8Array, out: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
    try {
      await write(piece, out);
    } catch (e) {
      // Refused: if the piece starts a member and the decoder already finished one, start over.
      if (membersFed === 0 || !isMemberStart(piece, 0)) throw new DecompressError('gzip', consumed, describe(e));
      open();
      try {
        await write(piece, out);
      } catch (e2) {
        throw new DecompressError('gzip', consumed, describe(e2));
      }
    }
    membersFed += piece.length;
    consumed += piece.length;
    await drain(out);
  };

  // One input read stays in flight while a piece decodes, so file reads overlap decoding.
  let ahead: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const readInput = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    const r = await (ahead ?? src.read());
    ahead = r.done ? null : src.read();
    ahead?.catch(() => {});
    return r;
  };

  /** Reads, splits and feeds one input chunk; returns false at the end of the input. */
  const step = async (out: ReadableStreamDefaultController<Uint8Array>): Promise<boolean> => {
    const { done, value } = await readInput();
    if (done) {
      if (carry) await feed(carry, out);
      carry = null;
      // Not awaited: Node finishes the close only once the output has been read.
      writer.close().catch(() => {});
      return false;
    }
    let chunk = value;
    if (carry) {
      const joined = new Uint8Array(carry.length + chunk.length);
      joined.set(carry);
      joined.set(chunk, carry.length);
      chunk = joined;
      carry = null;
    }
    // Hold back a tail that might be the start of a member split across chunks.
    let end = chunk.length;
    for (let i = Math.max(0, end - 3); i < end; i++) {
      if (chunk[i] === 0x1f) {
        carry = chunk.slice(i);
        end = i;
        break;
      }
    }
    let start = 0;
    for (const at of memberStarts(chunk, end)) {
      await feed(chunk.subarray(start, at), out);
      start = at;
    }
    if (end > start) await feed(chunk.subarray(start, end), out);
    return true;
  };

  return new ReadableStream<Uint8Array>(
    {
      // A pull must enqueue or close before it returns, or the stream never pulls again.
      async pull(out) {
        const before = emitted;
        while (!finished) {
          if (!(await step(out))) finished = true;
          if (emitted > before) return;
        }
        // Flushed: hand out what is left.
        const r = await pending.catch((e: unknown) => {
          throw new DecompressError('gzip', consumed, describe(e));
        });
        if (r.done) return out.close();
        out.enqueue(r.value);
        emitted++;
        pending = reader.read();
        pending.catch(() => {});
      },
      cancel(reason) {
        writer.abort(reason).catch(() => {});
        return src.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
