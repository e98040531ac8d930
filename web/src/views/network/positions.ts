// Node positions survive between visits in localStorage, so the map a user
// learned looks the same next time (and the layout need not run again).
const KEY = 'atlas.positions.v1';
/** Keeps storage bounded (a 100k-node import would otherwise fill the quota). */
const MAX_ENTRIES = 60_000;

export type Positions = Map<string, [number, number]>;

export function loadPositions(): Positions {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return new Map();
    const obj = JSON.parse(raw) as Record<string, [number, number]>;
    return new Map(Object.entries(obj).filter(([, p]) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])));
  } catch {
    return new Map();
  }
}

/** Merges the new positions into what is stored (other datasets' nodes are kept while space allows). */
export function savePositions(positions: Positions): void {
  try {
    const merged = loadPositions();
    for (const [id, p] of positions) {
      merged.delete(id);
      merged.set(id, [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100]);
    }
    const entries = [...merged.entries()].slice(-MAX_ENTRIES);
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Quota exceeded or storage disabled (private mode): positions are a convenience only.
  }
}

export function clearPositions(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
}
