// Converting results and errors to and from what crosses a worker boundary. Structured cloning
// drops class prototypes, so LayerTables travel as their columns with the buffers TRANSFERRED
// (moved, zero-copy), and errors travel as WireError records rebuilt on the other side.

import { CancelledError, InputError } from '../core/errors.ts';
import { DockerfileLimitError } from '../core/dockerfile/errors.ts';
import { LimitError, type LimitName } from '../core/limits.ts';
import type { ImageArchive } from '../core/model/image.ts';
import { LayerTable, type LayerTableColumns } from '../core/model/layer-table.ts';
import type { WireArchive, WireError } from './protocol.ts';

/** The buffers of some tables, each once (a buffer listed twice makes postMessage throw). */
export function transferList(tables: LayerTableColumns[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const t of tables) {
    for (const a of [t.pathBytes, t.pathOffsets, t.kinds, t.sizes, t.modes, t.uids, t.gids, t.mtimes, t.linkIds]) {
      seen.add(a.buffer as ArrayBuffer);
    }
    // Content hashes (ScanOptions.hash): 8 bytes a row, moved like the rest.
    if (t.hashes) seen.add(t.hashes.buffer as ArrayBuffer);
  }
  return [...seen];
}

export function columnsOf(table: LayerTable | LayerTableColumns): LayerTableColumns {
  return table instanceof LayerTable ? table.columns() : table;
}

export function archiveToWire(archive: ImageArchive): { archive: WireArchive; transfer: ArrayBuffer[] } {
  const layers = archive.image.layers.map((l) => ({ ...l, table: columnsOf(l.table) }));
  return {
    archive: { ...archive, image: { ...archive.image, layers } },
    transfer: transferList(layers.map((l) => l.table)),
  };
}

export function archiveFromWire(wire: WireArchive): ImageArchive {
  const layers = wire.image.layers.map((l) => ({ ...l, table: new LayerTable(l.table) }));
  return { ...wire, image: { ...wire.image, layers } };
}

/**
 * A LimitError rebuilt on this side of a boundary: its problem text as sent (LimitError composes
 * its own from parts that do not travel), and the limit and value, so the next hop and the page
 * can offer to raise it.
 */
export class WireLimitError extends InputError {
  constructor(
    file: string,
    entry: string | null,
    problem: string,
    readonly limit: LimitName,
    readonly value: number,
  ) {
    super(file, entry, problem);
  }
}

function limitOf(e: InputError): { limit: LimitName; limitValue: number } | null {
  if (e instanceof LimitError || e instanceof WireLimitError || e instanceof DockerfileLimitError) return { limit: e.limit, limitValue: e.value };
  return null;
}

export function toWireError(e: unknown, file: string): WireError {
  if (e instanceof InputError) {
    return { kind: 'input', file: e.file, entry: e.entry, problem: e.problem, message: e.message, ...limitOf(e) };
  }
  if (e instanceof CancelledError || (e instanceof DOMException && e.name === 'AbortError')) {
    return { kind: 'cancelled', message: 'cancelled' };
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: 'internal', file, message };
}

/** Rebuilds the thrown error, so code on this side of the boundary sees the same classes. */
export function fromWireError(w: WireError): Error {
  switch (w.kind) {
    case 'input':
      if (w.limit !== undefined && w.limitValue !== undefined) return new WireLimitError(w.file, w.entry, w.problem, w.limit, w.limitValue);
      return new InputError(w.file, w.entry, w.problem);
    case 'cancelled':
      return new CancelledError();
    case 'internal':
      return new Error(w.message);
  }
}
