// Random-access reads of an input (a File or Blob in the browser, a file on disk in the CLI, bytes
// in tests). Callers read large windows (≥ 1 MiB): one small read per tar header is ≈ 100× slower
// in Chromium (DESIGN.md "Measured here").

export interface ByteSource {
  readonly name: string;
  readonly size: number;
  /** Bytes [offset, offset + length) clipped to the end; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The same range as a stream, for decompressors and long sequential walks. */
  stream(offset: number, length: number): ReadableStream<Uint8Array>;
  /**
   * The same bytes as a Blob when that costs no copy (a File, or a slice of one), else null.
   * Lets the web worker hand a layer to a sub-worker by reference instead of copying it.
   */
  toBlob?(): Blob | null;
}

export class MemorySource implements ByteSource {
  readonly size: number;
  constructor(
    readonly name: string,
    private readonly bytes: Uint8Array,
  ) {
    this.size = bytes.length;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    return this.bytes.subarray(offset, Math.min(this.size, offset + length));
  }

  stream(offset: number, length: number, chunk = 1 << 20): ReadableStream<Uint8Array> {
    let pos = offset;
    const end = Math.min(this.size, offset + length);
    return new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (pos >= end) return controller.close();
        const next = Math.min(end, pos + chunk);
        controller.enqueue(this.bytes.slice(pos, next));
        pos = next;
      },
    });
  }
}

/** A File or Blob: `slice()` is lazy, so reading never loads the whole file. */
export class BlobSource implements ByteSource {
  readonly size: number;
  constructor(
    readonly name: string,
    private readonly blob: Blob,
  ) {
    this.size = blob.size;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const buf = await this.blob.slice(offset, Math.min(this.size, offset + length)).arrayBuffer();
    return new Uint8Array(buf);
  }

  stream(offset: number, length: number): ReadableStream<Uint8Array> {
    return this.blob.slice(offset, Math.min(this.size, offset + length)).stream() as ReadableStream<Uint8Array>;
  }

  toBlob(): Blob {
    return this.blob;
  }
}

/** A window of another source, e.g. one blob inside an uncompressed outer archive. */
export class SliceSource implements ByteSource {
  constructor(
    readonly name: string,
    private readonly base: ByteSource,
    private readonly start: number,
    readonly size: number,
  ) {}

  read(offset: number, length: number): Promise<Uint8Array> {
    const len = Math.max(0, Math.min(length, this.size - offset));
    return this.base.read(this.start + offset, len);
  }

  stream(offset: number, length: number): ReadableStream<Uint8Array> {
    const len = Math.max(0, Math.min(length, this.size - offset));
    return this.base.stream(this.start + offset, len);
  }

  toBlob(): Blob | null {
    const blob = this.base.toBlob?.() ?? null;
    return blob ? blob.slice(this.start, this.start + this.size) : null;
  }
}
