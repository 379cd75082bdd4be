// The simulate worker: runs the Dockerfile simulator (src/core/simulate) off the main thread (its
// shell parser alone is 1.5 MB of JS, loaded here on first use) and sends back the simulated
// image with its LayerTable buffers transferred, or an error naming the line. With `before`, it
// also simulates the earlier text and marks each step hit or rebuild as BuildKit's cache would.

/// <reference lib="webworker" />
import { cacheDecisions } from '../core/simulate/cache.ts';
import { simulateDockerfile } from '../core/simulate/simulate.ts';
import { SimulationError } from '../core/simulate/types.ts';
import type { FromSimulator, ToSimulator, WireSimulated } from './simulate-protocol.ts';
import { archiveToWire, toWireError } from './wire.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(msg: FromSimulator, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

self.onmessage = async (ev: MessageEvent<ToSimulator>) => {
  const req = ev.data;
  const started = performance.now();
  try {
    const opts = { file: req.name, builder: req.builder };
    const image = await simulateDockerfile(req.text, opts);
    const cache = req.before === undefined ? null : cacheDecisions(await simulateDockerfile(req.before, opts), image);
    const { archive, transfer } = archiveToWire(image);
    post({ type: 'result', id: req.id, image: archive as WireSimulated, cache, elapsedMs: performance.now() - started }, transfer);
  } catch (e) {
    // A simulation error names its line; it is a problem with the input, not a crash.
    const error = e instanceof SimulationError
      ? { kind: 'input' as const, file: req.name, entry: e.line === null ? null : `line ${e.line}`, problem: e.problem, message: e.message }
      : toWireError(e, req.name);
    post({ type: 'error', id: req.id, error });
  }
};
