// Ids kept in sorted order for cursor paging. Small changes are applied by
// binary-search insert/remove; a large burst (bulk import) just drops the
// array, which is rebuilt by one sort when it is next read.

const REBUILD_AFTER = 2_000;

export class SortedIds {
  private sorted: string[] | null = null;
  private pendingEdits = 0;

  constructor(private readonly source: () => Iterable<string>) {}

  add(id: string): void {
    if (!this.sorted || this.tooManyEdits()) return;
    const at = lowerBound(this.sorted, id);
    if (this.sorted[at] !== id) this.sorted.splice(at, 0, id);
  }

  remove(id: string): void {
    if (!this.sorted || this.tooManyEdits()) return;
    const at = lowerBound(this.sorted, id);
    if (this.sorted[at] === id) this.sorted.splice(at, 1);
  }

  /** Forget the order (after a bulk change); rebuilt lazily. */
  reset(): void {
    this.sorted = null;
  }

  all(): readonly string[] {
    if (!this.sorted) {
      this.sorted = Array.from(this.source()).sort(compareIds);
      this.pendingEdits = 0;
    }
    return this.sorted;
  }

  private tooManyEdits(): boolean {
    if (++this.pendingEdits > REBUILD_AFTER) {
      this.sorted = null;
      return true;
    }
    return false;
  }
}

/** Plain code-unit order; ids are ASCII so this equals Neo4j's ORDER BY id. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index whose id is ≥ `id`. */
export function lowerBound(sorted: readonly string[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose id is > `id`. */
export function upperBound(sorted: readonly string[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
