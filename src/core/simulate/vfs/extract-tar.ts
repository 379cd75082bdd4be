// Extracts a tar archive (plain, gzip or zstd, detected by magic bytes) into the virtual
// filesystem with the core tar reader, for `ADD local.tar.gz /dest/` (Dockerfile reference:
// "ADD … local tar archive … is unpacked as a directory", tar -x semantics) and `tar -x`.

import { sniffCompression } from '../../bytes/sniff.ts';
import { decompress } from '../../compress/decompress.ts';
import { TarParser, type TarEntry } from '../../tar/parser.ts';
import { bytesContent } from './content.ts';
import type { FsOps } from './fs-ops.ts';
import { joinPath, normalizePath } from './paths.ts';
import { newInode } from './vfs.ts';
import { concatBytes } from '../../bytes/concat.ts';

export interface TarItem {
  entry: TarEntry;
  data: Uint8Array | null;
}

/** Is this a compression tar -x / ADD understands? (bzip2 and xz are not read here.) */
export function archiveKind(head: Uint8Array): 'gzip' | 'zstd' | 'none' | 'bzip2' | 'xz' | null {
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2';
  if (head[0] === 0xfd && head[1] === 0x37 && head[2] === 0x7a && head[3] === 0x58) return 'xz';
  const c = sniffCompression(head);
  if (c !== 'none') return c;
  // ustar magic at 257
  const magic = String.fromCharCode(...head.subarray(257, 262));
  return magic === 'ustar' ? 'none' : null;
}

export async function readTar(bytes: Uint8Array): Promise<TarItem[]> {
  const kind = archiveKind(bytes.subarray(0, 512));
  if (kind !== 'gzip' && kind !== 'zstd' && kind !== 'none') throw new Error(`not a tar archive this simulator reads (${kind ?? 'unknown format'})`);
  const items: TarItem[] = [];
  const parser = new TarParser({
    onEntry: (entry) => {
      const item: TarItem = { entry, data: null };
      items.push(item);
      if (entry.type !== 'file') return null;
      const chunks: Uint8Array[] = [];
      return {
        data: (c) => {
          chunks.push(c.slice());
        },
        end: () => {
          item.data = concatBytes(chunks, entry.size);
        },
      };
    },
  });
  const input = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes);
      c.close();
    },
  });
  const reader = decompress(input, kind).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const r = parser.push(value);
    if (r) await r;
    if (parser.done) break;
  }
  parser.end();
  return items;
}

export interface ExtractOptions {
  stripComponents?: number;
  /** keep the archive's owners (ADD and tar as root do); else the current user */
  keepOwners?: boolean;
}

/** Writes the archive's entries under `dest` (a canonical directory path); returns the paths written. */
export function extractInto(fs: FsOps, items: TarItem[], dest: string, opts: ExtractOptions = {}): string[] {
  const written: string[] = [];
  const vfs = fs.vfs;
  for (const { entry, data } of items) {
    const parts = normalizePath(entry.path).split('/').filter(Boolean).slice(opts.stripComponents ?? 0);
    if (parts.length === 0) continue;
    const path = joinPath(dest, parts.join('/'));
    const uid = opts.keepOwners ? entry.uid : fs.user.uid;
    const gid = opts.keepOwners ? entry.gid : fs.user.gid;
    fs.mkdir(joinPath(dest, parts.slice(0, -1).join('/')) || dest, { parents: true });
    const existing = vfs.lstat(path);
    switch (entry.type) {
      case 'dir':
        if (existing?.kind === 'dir') Object.assign(vfs.upper(path), { mode: entry.mode & 0o7777, uid, gid });
        else vfs.put(path, newInode('dir', entry.mode, uid, gid, entry.mtime, vfs.gen));
        break;
      case 'file': {
        const n = newInode('file', entry.mode, uid, gid, entry.mtime, vfs.gen);
        n.content = data ? bytesContent(data) : bytesContent(new Uint8Array(0));
        vfs.put(path, n);
        break;
      }
      case 'symlink': {
        const n = newInode('symlink', 0o777, uid, gid, entry.mtime, vfs.gen);
        n.target = entry.linkname;
        vfs.put(path, n);
        break;
      }
      case 'hardlink': {
        const lparts = normalizePath(entry.linkname).split('/').filter(Boolean).slice(opts.stripComponents ?? 0);
        const target = vfs.lstat(joinPath(dest, lparts.join('/')));
        if (target && target.kind === 'file') vfs.put(path, vfs.upper(joinPath(dest, lparts.join('/'))));
        break;
      }
      default:
        vfs.put(path, newInode('other', entry.mode, uid, gid, entry.mtime, vfs.gen));
    }
    written.push(path);
  }
  return written;
}
