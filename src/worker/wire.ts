// Converting results and errors to and from what crosses a worker boundary. Structured cloning
// drops class prototypes, so LayerTables travel as their columns with the buffers TRANSFERRED
// (moved, zero-copy), and errors travel as WireError records rebuilt on the other side.

import { CancelledError, InputError } from '../core/errors.ts';
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

export function toWireError(e: unknown, file: string): WireError {
  if (e instanceof InputError) {
    return { kind: 'input', file: e.file, entry: e.entry, problem: e.problem, message: e.message };
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
      return new InputError(w.file, w.entry, w.problem);
    case 'cancelled':
      return new CancelledError();
    case 'internal':
      return new Error(w.message);
  }
}
