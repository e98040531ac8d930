// Layout worker thread: runs one ForceAtlas2 layout at a time on a topology
// received from the main thread, posting the positions so far every few
// iterations (the endpoint answers 202 with them) and the final ones.

import { parentPort } from 'node:worker_threads';
import type { CsrTopology } from '../analytics/csr.ts';
import { runLayout, type LayoutRunOptions } from './run.ts';

export interface LayoutJob {
  id: number;
  topology: CsrTopology;
  x: Float64Array;
  y: Float64Array;
  known?: Uint8Array;
  options: Omit<LayoutRunOptions, 'onProgress' | 'known'>;
}

export type LayoutWorkerMessage =
  | { id: number; type: 'progress'; iterations: number; fraction: number; x: Float64Array; y: Float64Array }
  | { id: number; type: 'result'; iterations: number; converged: boolean; x: Float64Array; y: Float64Array }
  | { id: number; type: 'error'; message: string };

/** Positions so far are posted at most this often (copying them costs 16 bytes a node). */
const PROGRESS_EVERY_MS = 200;

const port = parentPort;
if (port) {
  port.on('message', ({ id, topology, x, y, known, options }: LayoutJob) => {
    try {
      let lastSent = performance.now();
      const run = runLayout(topology, { x, y }, {
        ...options,
        known,
        reportEvery: 5,
        onProgress: (state) => {
          const now = performance.now();
          if (now - lastSent < PROGRESS_EVERY_MS) return;
          lastSent = now;
          const px = state.x.slice();
          const py = state.y.slice();
          port.postMessage({ id, type: 'progress', iterations: state.iterations, fraction: state.fraction, x: px, y: py } satisfies LayoutWorkerMessage, [px.buffer, py.buffer]);
        },
      });
      port.postMessage(
        { id, type: 'result', iterations: run.iterations, converged: run.converged, x: run.x, y: run.y } satisfies LayoutWorkerMessage,
        [run.x.buffer as ArrayBuffer, run.y.buffer as ArrayBuffer],
      );
    } catch (error) {
      port.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies LayoutWorkerMessage);
    }
  });
}
