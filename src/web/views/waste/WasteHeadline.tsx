// The two headline figures of the bloat panel, from a read image or from a share link's summary:
// reclaimable bytes (of the bytes shipped) and the efficiency, ours with dive's score beside it.

import { exactBytes, formatBytes, formatPercent } from '../../format.ts';

export const OURS = 'final filesystem file bytes ÷ file bytes in all layers';

export interface HeadlineFigures {
  reclaimableBytes: number;
  fileBytes: number;
  finalFileBytes: number;
  efficiency: number;
  diveEfficiency: number;
}

export function WasteHeadline({ figures: f }: { figures: HeadlineFigures }) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">Reclaimable</div>
        <div className="text-xl font-semibold tabular-nums" data-testid="reclaimable" data-bytes={f.reclaimableBytes} title={exactBytes(f.reclaimableBytes)}>
          {formatBytes(f.reclaimableBytes)}
        </div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">
          of <span title={exactBytes(f.fileBytes)}>{formatBytes(f.fileBytes)}</span> file bytes shipped; the final filesystem holds{' '}
          <span title={exactBytes(f.finalFileBytes)}>{formatBytes(f.finalFileBytes)}</span>
        </div>
      </div>
      <div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400" title={OURS}>
          Efficiency
        </div>
        <div className="text-xl font-semibold tabular-nums" data-testid="efficiency" data-value={f.efficiency} title={OURS}>
          {formatPercent(f.efficiency)}
        </div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">
          dive’s score: <span className="tabular-nums" data-testid="dive-efficiency">{formatPercent(f.diveEfficiency)}</span>
        </div>
      </div>
    </div>
  );
}
