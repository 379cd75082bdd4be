// Writes small docker-save archives with whatever history a test needs (e.g. fewer history
// entries than layers, which real builders do not make but hand-edited images can have).

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tarOf } from './tar.ts';

export interface HistoryItem {
  created_by: string;
  empty_layer?: boolean;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** layers: the files of each layer (path → content). */
export function writeDockerSave(file: string, layers: Record<string, string>[], history: HistoryItem[]): void {
  const members: { name: string; data: Buffer }[] = [];
  const diffIds: string[] = [];
  const paths: string[] = [];
  for (const files of layers) {
    const tar = tarOf(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text) })));
    const h = sha(tar);
    diffIds.push(`sha256:${h}`);
    paths.push(`${h}.tar`);
    members.push({ name: `${h}.tar`, data: tar });
  }
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: diffIds }, history }));
  const configName = `${sha(config)}.json`;
  members.push({ name: configName, data: config });
  members.push({ name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: configName, RepoTags: ['localhost/odd:latest'], Layers: paths }])) });
  writeFileSync(file, tarOf(members));
}
