// A minimal ustar writer for the archives the e2e tests make themselves (a big image, images
// with odd histories). Octal fields only: sizes stay under 8 GiB.

export function tarHeader(name: string, size: number, type: '0' | '5'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write(type === '5' ? '0000755\0' : '0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write(`${(1_700_000_000).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export function tarPad(size: number): Buffer {
  return Buffer.alloc((512 - (size % 512)) % 512);
}

/** A whole tar of regular files (and directories, for names ending in "/"). */
export function tarOf(files: { name: string; data?: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    if (f.name.endsWith('/')) {
      parts.push(tarHeader(f.name, 0, '5'));
      continue;
    }
    const data = f.data ?? Buffer.alloc(0);
    parts.push(tarHeader(f.name, data.length, '0'), data, tarPad(data.length));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}
