// One streaming interface over the layer compressions: gzip (native DecompressionStream, the
// fastest here: DESIGN.md "Measured here"), zstd (a library: no browser or Node 20 has it
// natively; see README.md for the measurements behind the choice) and none.

import type { Compression } from '../model/image.ts';
import { gunzip } from './gzip.ts';
import { zstdStream } from './zstd.ts';

export { DecompressError } from './errors.ts';

/**
 * Decompresses a stream. Never buffers the whole input or output: memory is one decoder window
 * plus the chunks in flight. Decoder failures surface as DecompressError from the reader.
 */
export function decompress(stream: ReadableStream<Uint8Array>, compression: Compression): ReadableStream<Uint8Array> {
  switch (compression) {
    case 'none':
      return stream;
    case 'gzip':
      return gunzip(stream);
    case 'zstd':
      return stream.pipeThrough(zstdStream());
  }
}
