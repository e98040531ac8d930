// Timing and memory helpers for benchmarks: wall time and CPU time (the machine
// is shared, so CPU time is the steadier figure for single-threaded work).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as () => void;

export function gc(): void {
  gcFn();
  gcFn();
}

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Runs `fn` once and times it. */
export async function time<T>(fn: () => T | Promise<T>): Promise<Timing & { value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Best (lowest wall time) of `repeat` runs after `warmup` untimed runs. */
export async function best<T>(fn: () => T | Promise<T>, repeat = 3, warmup = 1): Promise<Timing & { value: T }> {
  for (let i = 0; i < warmup; i++) await fn();
  let result: (Timing & { value: T }) | null = null;
  for (let i = 0; i < repeat; i++) {
    const run = await time(fn);
    if (!result || run.wallMs < result.wallMs) result = run;
  }
  return result!;
}

/** Heap + array buffers in MB, after a full GC. */
export function retainedMb(): number {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}
