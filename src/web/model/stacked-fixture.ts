// Test helper: a fixture archive read and stacked in-process through the stack worker's real
// handler (structured cloning included), as the page gets it.

import { readFileSync } from 'node:fs';
import { BlobSource } from '../../core/bytes/source.ts';
import { readArchive } from '../../core/formats/read-archive.ts';
import type { ImageArchive } from '../../core/model/image.ts';
import { createStackHandler } from '../../worker/stack-handler.ts';
import type { FileView, FromStack, StackFacts, ToStack, ViewMode } from '../../worker/stack-protocol.ts';
import { stackInput } from '../store/stack-client.ts';
import { StackedImage } from './stacked-image.ts';

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);

export interface StackedFixture {
  archive: ImageArchive;
  img: StackedImage;
  view(mode: ViewMode, layer: number): FileView;
}

export async function stackedFixture(name: string): Promise<StackedFixture> {
  const archive = await readArchive(new BlobSource(name, new Blob([readFileSync(new URL(name, FIXTURES))])));
  let reply: FromStack | null = null;
  const handle = createStackHandler((msg, transfer = []) => (reply = structuredClone(msg, { transfer })));
  const ask = (msg: ToStack): FromStack => {
    handle(structuredClone(msg));
    return reply!;
  };
  const r = ask({ type: 'stack', id: 1, input: stackInput(archive.image) });
  if (r.type !== 'stacked') throw new Error(`stacking ${name} failed`);
  const facts: StackFacts = r.facts;
  const img = new StackedImage(facts, archive.image.layers.map((l) => l.table));
  return {
    archive,
    img,
    view(mode, layer) {
      const v = ask({ type: 'view', id: 2, mode, layer });
      if (v.type !== 'view') throw new Error('no view');
      return v.view;
    },
  };
}
