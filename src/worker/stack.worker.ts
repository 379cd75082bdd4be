// The stack worker: holds the shown image's LayerStack off the main thread and answers the page
// (stack-handler.ts does the work; stack-protocol.ts says why it is a worker).

/// <reference lib="webworker" />
import { createStackHandler } from './stack-handler.ts';
import type { ToStack } from './stack-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const handle = createStackHandler((msg, transfer = []) => self.postMessage(msg, transfer));
self.onmessage = (ev: MessageEvent<ToStack>) => handle(ev.data);
