// What the bench keeps of a scan (plain numbers, so it crosses a worker boundary and a
// page.evaluate), and the check of it against the generator's truth: a fast wrong answer is
// not a result.

import type { LayerScan } from '../src/core/layers/scan.ts';
import type { LayerTruth } from './gen/layer.ts';

export interface ScanSummary {
  compression: string;
  tarSize: number;
  entryCount: number;
  fileCount: number;
  fileBytes: number;
  whiteouts: number;
  opaqueDirs: number;
  /** rows in the LayerTable */
  rows: number;
  tableBytes: number;
  pathBytes: number;
}

export function summarize(scan: LayerScan): ScanSummary {
  return {
    compression: scan.compression,
    tarSize: scan.stats.tarSize,
    entryCount: scan.stats.entryCount,
    fileCount: scan.stats.fileCount,
    fileBytes: scan.stats.fileBytes,
    whiteouts: scan.stats.whiteouts.length,
    opaqueDirs: scan.stats.opaqueDirs.length,
    rows: scan.table.count,
    tableBytes: scan.table.byteSize(),
    pathBytes: scan.table.pathBytes.byteLength,
  };
}

export function perEntry(s: ScanSummary): { total: number; beyondPaths: number; entries: number } {
  return { total: s.tableBytes / s.rows, beyondPaths: (s.tableBytes - s.pathBytes) / s.rows, entries: s.rows };
}

/** Differences between a scan and what the generator wrote; empty when they agree. */
export function checkAgainst(s: ScanSummary, truth: LayerTruth, compression: string): string[] {
  const want: [string, number | string, number | string][] = [
    ['compression', s.compression, compression],
    ['tarSize', s.tarSize, truth.tarSize],
    ['entryCount', s.entryCount, truth.entryCount],
    ['fileCount', s.fileCount, truth.fileCount],
    ['fileBytes', s.fileBytes, truth.fileBytes],
    ['whiteouts', s.whiteouts, truth.whiteoutCount],
    ['opaqueDirs', s.opaqueDirs, truth.opaqueCount],
    ['table rows', s.rows, truth.entryCount],
  ];
  return want.filter(([, got, exp]) => got !== exp).map(([k, got, exp]) => `${k} ${got}, expected ${exp}`);
}
