// The kinds of entries a layer holds, as small integers so they fit a Uint8Array column.
// Whiteouts and opaque markers are their own kinds: the tar holds them as empty regular files
// named `.wh.NAME` / `.wh..wh..opq` (OCI image spec, layer.md "Whiteouts"), but they are
// instructions to the stacker, not files, so they never count as regular-file bytes.

export const EntryKind = {
  file: 0,
  dir: 1,
  symlink: 2,
  hardlink: 3,
  whiteout: 4,
  opaque: 5,
  /** char/block devices, fifos, sockets, anything else */
  other: 6,
} as const;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

export const ENTRY_KIND_NAMES = ['file', 'dir', 'symlink', 'hardlink', 'whiteout', 'opaque', 'other'] as const;
export type EntryKindName = (typeof ENTRY_KIND_NAMES)[number];

export function kindName(kind: number): EntryKindName {
  return ENTRY_KIND_NAMES[kind] ?? 'other';
}

/** Change marks: what an entry does relative to the layers below it. */
export const ChangeMark = {
  added: 0,
  modified: 1,
  deleted: 2,
  /** only mode, owner or other metadata differ (e.g. a chmod/chown copy-up) */
  attributes: 3,
} as const;
export type ChangeMark = (typeof ChangeMark)[keyof typeof ChangeMark];
export const CHANGE_MARK_NAMES = ['added', 'modified', 'deleted', 'attributes'] as const;
export type ChangeMarkName = (typeof CHANGE_MARK_NAMES)[number];
