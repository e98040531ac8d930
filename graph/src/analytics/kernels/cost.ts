// How an edge's weight turns into a length for distance-based kernels
// (closeness, betweenness, Dijkstra, Yen).
// - hops: every edge has length 1 (default).
// - inverse-weight: length 1/weight, so strong ties (many shared items) are short.
// - weight: length = weight, for graphs whose weights already are distances.

export type EdgeCost = 'hops' | 'inverse-weight' | 'weight';

/** Numeric code used inside hot loops (no string compares per edge). */
export function costCode(cost: EdgeCost | undefined): 0 | 1 | 2 {
  return cost === 'weight' ? 1 : cost === 'inverse-weight' ? 2 : 0;
}

/** Length of an edge of weight `w` under cost code `code`. */
export function edgeLength(code: 0 | 1 | 2, w: number): number {
  return code === 0 ? 1 : code === 1 ? w : 1 / w;
}

export type Progress = (fraction: number) => void;

/** Calls `onProgress` about every percent of `total` steps. */
export function progressReporter(total: number, onProgress?: Progress): (done: number) => void {
  if (!onProgress || total <= 0) return () => {};
  const step = Math.max(1, Math.floor(total / 100));
  return (done: number) => {
    if (done % step === 0 || done === total) onProgress(done / total);
  };
}
