// The `hashes` column of a layer table, filled while the tar parser streams payloads: the layer
// accumulator asks for a sink per regular file and the parser hands it that file's bytes
// (tar/entry.ts PayloadSink). Entries arrive one after another, so one sink object serves them all.

import type { PayloadSink } from '../tar/entry.ts';
import type { ContentHasher } from './content-hash.ts';

export class HashColumn implements PayloadSink {
  private hashes = new BigUint64Array(1024);
  private row = -1;

  constructor(private readonly hasher: ContentHasher) {}

  /** The sink for the file at `row` of the table being built. */
  sinkFor(row: number): PayloadSink {
    if (row >= this.hashes.length) {
      const next = new BigUint64Array(Math.max(row + 1, this.hashes.length * 2));
      next.set(this.hashes);
      this.hashes = next;
    }
    this.row = row;
    this.hasher.begin();
    return this;
  }

  data(chunk: Uint8Array): void {
    this.hasher.update(chunk);
  }

  end(): void {
    this.hashes[this.row] = this.hasher.end();
    this.row = -1;
  }

  /** One hash per row of a table of `count` rows; NOT_HASHED where no file was hashed. */
  finish(count: number): BigUint64Array {
    const out = new BigUint64Array(count);
    out.set(this.hashes.subarray(0, Math.min(count, this.hashes.length)));
    return out;
  }
}
