// A big docker-save archive for the cancel and responsiveness tests: ~300 MB, uncompressed, six
// layers of many small files (like node_modules), written once under os.tmpdir() (outside the
// repo) and reused while its size matches. Layer digests are real sha256 sums, so it is a valid
// image for any reader.

import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tarHeader as header, tarPad as pad } from './tar.ts';

export const BIG_LAYERS = 6;
/** files per layer; with the payload sizes below each layer is ≈ 50 MB */
export const BIG_FILES_PER_LAYER = 10_000;
const VERSION = 2;

/** Deterministic sizes between 1 and 8 KiB (a small LCG: same file every run). */
function sizes(layer: number): number[] {
  let x = 12345 + layer * 7919;
  return Array.from({ length: BIG_FILES_PER_LAYER }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + (x % 8192);
  });
}

function layerTar(layer: number): Buffer {
  const parts: Buffer[] = [header(`pkg${layer}/`, 0, '5')];
  const zeros = Buffer.alloc(8192);
  sizes(layer).forEach((size, i) => {
    if (i % 500 === 0) parts.push(header(`pkg${layer}/d${i / 500}/`, 0, '5'));
    parts.push(header(`pkg${layer}/d${Math.floor(i / 500)}/file-${i}.js`, size, '0'), zeros.subarray(0, size), pad(size));
  });
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

function writeMember(fd: number, name: string, data: Buffer): void {
  writeSync(fd, header(name, data.length, '0'));
  writeSync(fd, data);
  writeSync(fd, pad(data.length));
}

export interface BigImage {
  path: string;
  bytes: number;
  layers: number;
  files: number;
}

export function bigImagePath(): string {
  return path.join(os.tmpdir(), `layerscope-e2e-big-v${VERSION}.tar`);
}

/** Builds the archive if it is not there yet; about 2 s. */
export function ensureBigImage(): BigImage {
  const file = bigImagePath();
  const meta = { layers: BIG_LAYERS, files: BIG_LAYERS * BIG_FILES_PER_LAYER };
  if (existsSync(file) && statSync(file).size > 250e6 && statSync(file).size < 350e6) return { path: file, bytes: statSync(file).size, ...meta };

  const tmp = `${file}.${process.pid}.partial`;
  const fd = openSync(tmp, 'w');
  const diffIds: string[] = [];
  const layerPaths: string[] = [];
  const history: { created_by: string }[] = [];
  for (let l = 0; l < BIG_LAYERS; l++) {
    const tar = layerTar(l);
    const sha = createHash('sha256').update(tar).digest('hex');
    diffIds.push(`sha256:${sha}`);
    layerPaths.push(`${sha}.tar`);
    history.push({ created_by: `/bin/sh -c npm install package-${l}` });
    writeMember(fd, `${sha}.tar`, tar);
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: '2024-01-01T00:00:00Z',
      config: { Cmd: ['node', 'index.js'], WorkingDir: '/app' },
      rootfs: { type: 'layers', diff_ids: diffIds },
      history,
    }),
  );
  const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
  writeMember(fd, configName, config);
  const manifest = Buffer.from(JSON.stringify([{ Config: configName, RepoTags: ['localhost/big:latest'], Layers: layerPaths }]));
  writeMember(fd, 'manifest.json', manifest);
  writeSync(fd, Buffer.alloc(1024));
  closeSync(fd);
  renameSync(tmp, file);
  return { path: file, bytes: statSync(file).size, ...meta };
}
