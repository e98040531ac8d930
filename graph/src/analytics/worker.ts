// Worker thread entry: runs one job at a time on a CSR received from the main
// thread (SharedArrayBuffer-backed arrays arrive without a copy) and posts back
// progress and the result. Cancellation = the main thread terminates us.

import { parentPort } from 'node:worker_threads';
import type { CsrTopology } from './csr.ts';
import { runJob, type JobRequest } from './jobs.ts';

export interface WorkerRequest {
  id: number;
  graph: CsrTopology;
  request: JobRequest;
}

export type WorkerMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'result'; result: ReturnType<typeof runJob> }
  | { id: number; type: 'error'; message: string };

const port = parentPort;
if (port) {
  port.on('message', ({ id, graph, request }: WorkerRequest) => {
    try {
      let lastSent = -1;
      const result = runJob(graph, request, (fraction) => {
        // At most ~100 progress messages per job.
        if (fraction - lastSent >= 0.01 || fraction === 1) {
          lastSent = fraction;
          port.postMessage({ id, type: 'progress', fraction } satisfies WorkerMessage);
        }
      });
      const transfer = result.kind === 'centrality' ? [result.scores.buffer] : [result.communities.buffer];
      port.postMessage({ id, type: 'result', result } satisfies WorkerMessage, transfer as ArrayBuffer[]);
    } catch (error) {
      port.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
    }
  });
}
