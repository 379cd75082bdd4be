// Why a copy is wasted, in the words the bloat panel uses (waste.ts says what each reason means).

import type { WasteFile } from '../../../core/analysis/waste.ts';

export function reasonText(f: Pick<WasteFile, 'reason' | 'byLayer'>): string {
  switch (f.reason) {
    case 'deleted':
      return `deleted in layer ${f.byLayer}`;
    case 'overwritten':
      return `overwritten in layer ${f.byLayer}`;
    case 'copied-up':
      return `copied up by chmod/chown in layer ${f.byLayer}`;
    case 'hidden-by-opaque':
      return `hidden by an opaque directory in layer ${f.byLayer}`;
  }
}

