// What the stack worker does with each message, apart from the worker glue (stack.worker.ts), so
// the same code runs in a Worker and, in tests, in-process. One image at a time: a `stack`
// message replaces the image held; questions about it (read path, file views) are answered from
// the LayerStack kept here, file views cached per (mode, layer).

import type { LayerStack } from '../core/layerstack/stack.ts';
import { fileView } from './file-views.ts';
import { factBuffers, stackImage } from './stack-facts.ts';
import type { FileView, FromStack, ToStack } from './stack-protocol.ts';
import { toWireError } from './wire.ts';

export type StackPost = (msg: FromStack, transfer?: Transferable[]) => void;

export function createStackHandler(post: StackPost): (msg: ToStack) => void {
  let stack: LayerStack | null = null;
  const views = new Map<string, FileView>();

  const noImage = (id: number) => post({ type: 'error', id, error: { kind: 'internal', file: 'stack', message: 'no image is stacked yet' } });

  return (msg) => {
    try {
      switch (msg.type) {
        case 'stack': {
          stack = null;
          views.clear();
          const done = stackImage(msg.input);
          stack = done.stack;
          post({ type: 'stacked', id: msg.id, facts: done.facts }, factBuffers(done.facts));
          return;
        }
        case 'readpath':
          if (!stack) return noImage(msg.id);
          post({ type: 'readpath', id: msg.id, result: stack.readPath(msg.path, msg.layer) });
          return;
        case 'view': {
          if (!stack) return noImage(msg.id);
          const key = `${msg.mode}:${msg.layer}`;
          let v = views.get(key);
          if (!v) {
            v = fileView(stack, msg.mode, msg.layer);
            views.set(key, v);
          }
          // Copies (the cache keeps its own): a view is a few MB at most, and rebuilding it costs more.
          post({ type: 'view', id: msg.id, view: v });
          return;
        }
      }
    } catch (e) {
      post({ type: 'error', id: msg.id, error: toWireError(e, 'stack') });
    }
  };
}
