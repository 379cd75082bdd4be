// A byte count in human units, with the exact count in a tooltip and a data attribute (tests and
// scripts read `data-bytes`).

import { exactBytes, formatBytes } from '../../format.ts';

export function Size({ bytes, what }: { bytes: number; what: string }) {
  return (
    <span title={`${what}: ${exactBytes(bytes)}`} data-bytes={bytes} className="tabular-nums">
      {formatBytes(bytes)}
    </span>
  );
}
