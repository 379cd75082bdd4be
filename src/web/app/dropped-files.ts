// The files of a drop or a folder pick, each with its path from what was dropped: folders are
// walked through the File and Directory Entries API (webkitGetAsEntry, readEntries; see
// https://wicg.github.io/entries-api/), picked folders give webkitRelativePath. No bytes are read.

import type { DroppedFile } from '../store/drop-plan.ts';

/** true when the drop holds more than one thing, or a folder: not a single file to read. */
export function isMultiDrop(dt: DataTransfer): boolean {
  if (dt.files.length > 1) return true;
  return Array.from(dt.items).some((i) => i.kind === 'file' && i.webkitGetAsEntry()?.isDirectory === true);
}

/** A picked folder (`webkitdirectory`) or several picked files. */
export function pickedFiles(list: FileList): DroppedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** A directory's children: readEntries answers in batches (100 in Chromium) until an empty one. */
async function children(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: DroppedFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
  else if (entry.isDirectory) for (const c of await children(entry as FileSystemDirectoryEntry)) await walk(c, out);
}

/**
 * Everything dropped, folders walked. The entries are taken before the first await: a
 * DataTransfer is emptied once its drop event returns.
 */
export async function droppedFiles(dt: DataTransfer): Promise<DroppedFile[]> {
  const taken = Array.from(dt.items)
    .filter((i) => i.kind === 'file')
    .map((i) => ({ entry: i.webkitGetAsEntry(), file: i.getAsFile() }));
  const out: DroppedFile[] = [];
  for (const { entry, file } of taken) {
    if (entry?.isDirectory) await walk(entry, out);
    // A plain file, or a File put in a DataTransfer by a script (no entry): its own relative path.
    else if (file) out.push({ path: file.webkitRelativePath || file.name, file });
  }
  return out;
}
