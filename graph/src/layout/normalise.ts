// Positions as the API gives them: centred on the bounding box and scaled so
// the longer side spans [-1000, 1000] (sigma's camera fits that at once, and
// the range does not depend on the graph's size), rounded to 0.01.

export const HALF_RANGE = 1000;

export function normalisedPositions(ids: readonly string[], x: ArrayLike<number>, y: ArrayLike<number>): Record<string, [number, number]> {
  const n = ids.length;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const scale = half > 0 ? HALF_RANGE / half : 0;
  const out: Record<string, [number, number]> = Object.create(null) as Record<string, [number, number]>;
  for (let i = 0; i < n; i++) out[ids[i]] = [Math.round((x[i] - cx) * scale * 100) / 100, Math.round((y[i] - cy) * scale * 100) / 100];
  return out;
}
