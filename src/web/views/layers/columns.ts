// The columns of the layer list, shared by the heading and every row so they line up. Size
// columns say which size word they are (DESIGN.md "Layer size words").

// Below 2xl (1536 px) the list shares the width with the side column, so the last three columns
// (files, whiteouts, compression) are left out there; the selected row's details still say them.
export const GRID =
  'grid grid-cols-[3rem_minmax(0,1fr)_5.5rem_5.5rem_5.5rem] 2xl:grid-cols-[3rem_minmax(0,1fr)_5.75rem_5.75rem_5.75rem_4rem_5.5rem_4.75rem] gap-x-3';
/** classes of a cell in one of the wide-screen-only columns */
export const WIDE = 'hidden 2xl:block';

export interface Column {
  head: string;
  /** the tooltip: what the number means exactly */
  title: string;
  numeric: boolean;
  /** shown on wide screens only */
  wide?: boolean;
}

export const COLUMNS: Column[] = [
  { head: '#', title: 'Layer index (0 is the base). Empty history entries have no layer.', numeric: true },
  { head: 'Created by (history entry, oldest first)', title: 'The command each history entry records, in build order: oldest at the top, like the Dockerfile that made it. Muted text is builder noise.', numeric: false },
  { head: 'Compressed', title: 'compressedSize: bytes of the layer blob in the archive (as pulled)', numeric: true },
  { head: 'Tar', title: 'tarSize: bytes of the uncompressed layer tar (as unpacked)', numeric: true },
  { head: 'File bytes', title: 'fileBytes: sum of regular-file sizes in the layer (hard links once)', numeric: true },
  { head: 'Files', title: 'fileCount: regular files in the layer', numeric: true, wide: true },
  { head: 'Whiteouts / opaque', title: 'Whiteout markers (.wh.NAME: deletes NAME below) / opaque directories (.wh..wh..opq: hides everything below)', numeric: true, wide: true },
  { head: 'Compr.', title: 'Compression of the layer blob, from its magic bytes', numeric: false, wide: true },
];
