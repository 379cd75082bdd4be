// Raw DEFLATE (RFC 1951) through the platform's CompressionStream / DecompressionStream
// ('deflate-raw' exists in Chromium and Node 20, DESIGN.md "Measured here"): no library, no
// header or checksum bytes spent in a link. Inflating stops at a byte limit, so a link crafted to
// expand to gigabytes costs nothing but a clear message.

import { concatBytes } from '../bytes/concat.ts';

async function drain(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform as unknown as TransformStream<Uint8Array, Uint8Array>);
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await drain(through(bytes, new CompressionStream('deflate-raw')), Number.MAX_SAFE_INTEGER);
  return out!;
}

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'corrupt' | 'too-large' };

/** Inflates `bytes`; never throws: corrupt data and output over `limit` bytes are results. */
export async function inflateRaw(bytes: Uint8Array, limit: number): Promise<InflateResult> {
  try {
    const out = await drain(through(bytes, new DecompressionStream('deflate-raw')), limit);
    return out ? { ok: true, bytes: out } : { ok: false, problem: 'too-large' };
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
}
