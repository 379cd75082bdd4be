// Progress is counted in bytes of the input read so far, so a bar can show "bytes read of total".

export interface Progress {
  phase: 'index' | 'layers' | 'stack';
  bytesRead: number;
  totalBytes: number;
  /** e.g. "layer 3 of 7" */
  detail?: string;
}

export type ProgressFn = (p: Progress) => void;
