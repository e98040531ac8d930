// A small pool of worker threads for heavy kernels. A job past its deadline, or
// whose AbortSignal fires, gets its worker terminated (the only way to stop a
// busy JS thread); the pool spawns a fresh one for the next job.

import { Worker } from 'node:worker_threads';
import { TimeoutError } from '../errors.ts';
import type { CsrTopology } from './csr.ts';
import type { JobRequest, JobResult } from './jobs.ts';
import type { WorkerMessage, WorkerRequest } from './worker.ts';

export interface JobControl {
  /** Epoch ms after which the job fails with TimeoutError. */
  deadline: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted', 'AbortError');
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: Array<() => void> = [];
  private busy = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number) {}

  private spawn(): Worker {
    // The .mjs bootstrap registers tsx in the worker thread, then imports worker.ts.
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
    worker.unref(); // an idle pool never keeps the process alive
    this.all.add(worker);
    worker.once('exit', () => {
      this.all.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
    });
    return worker;
  }

  /** Waits for a free slot (bounded by the job's deadline and signal). */
  private async acquire(control: JobControl): Promise<Worker> {
    while (!this.closed && this.busy >= this.size) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          cleanup();
          resolve();
        };
        const fail = (error: Error) => {
          cleanup();
          const i = this.waiting.indexOf(wake);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(error);
        };
        const timer = setTimeout(() => fail(new TimeoutError()), Math.max(0, control.deadline - Date.now()));
        const onAbort = () => fail(abortReason(control.signal!));
        const cleanup = () => {
          clearTimeout(timer);
          control.signal?.removeEventListener('abort', onAbort);
        };
        control.signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(wake);
      });
    }
    if (this.closed) throw new Error('the analytics service is closed');
    this.busy++;
    return this.idle.pop() ?? this.spawn();
  }

  private release(worker: Worker | null): void {
    this.busy--;
    if (worker && !this.closed) this.idle.push(worker);
    this.waiting.shift()?.();
  }

  async run(graph: CsrTopology, request: JobRequest, control: JobControl): Promise<JobResult> {
    if (this.closed) throw new Error('the analytics service is closed');
    if (control.signal?.aborted) throw abortReason(control.signal);
    const worker = await this.acquire(control);
    const id = this.nextId++;
    return new Promise<JobResult>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, result?: JobResult, keepWorker = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        control.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keepWorker) worker.unref();
        else void worker.terminate();
        this.release(keepWorker ? worker : null);
        if (error) reject(error);
        else resolve(result!);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.id !== id) return;
        if (message.type === 'progress') control.onProgress?.(message.fraction);
        else if (message.type === 'result') finish(null, message.result, true);
        else finish(new Error(message.message), undefined, true);
      };
      const onError = (error: Error) => finish(error);
      const onExit = (code: number) => finish(new Error(`analytics worker exited with code ${code}`));
      const onAbort = () => finish(abortReason(control.signal!));
      const timer = setTimeout(() => finish(new TimeoutError()), Math.max(0, control.deadline - Date.now()));
      control.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref(); // keep the process alive while a job is running
      worker.postMessage({ id, graph, request } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all([...this.all].map((worker) => worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }
}
