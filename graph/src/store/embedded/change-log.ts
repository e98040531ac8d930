import { ValidationError } from '../../errors.ts';
import type { ChangeEntry, ChangeQuery, Page } from '../port.ts';
import { readRange, type JournalFile } from './journal.ts';
import { decodeCursor, encodeCursor, pageLimit } from './paging.ts';

// The audit log lives in the journal files themselves (one line per change
// entry, see journal-format.ts); memory holds only a lean index — where each
// entry is, its id and timestamp — so a log of millions of entries with full
// before/after images costs little RAM and nothing at start-up but a scan.

export class ChangeLog {
  // Parallel arrays indexed by seq - 1.
  private readonly files: JournalFile[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private readonly ats: string[] = [];
  /** Revision of each entry (non-decreasing), for changesSince. */
  private readonly revisions: number[] = [];
  /** Entries with seq ≤ durableSeq are on disk and may be read. */
  private durableSeq = 0;

  get lastSeq(): number {
    return this.ids.length;
  }

  add(file: JournalFile, offset: number, length: number, id: string, at: string, revision: number): void {
    this.revisions.push(revision);
    this.files.push(file);
    this.offsets.push(offset);
    this.lengths.push(length);
    this.ids.push(id);
    this.ats.push(at);
  }

  markDurable(seq: number): void {
    this.durableSeq = Math.max(this.durableSeq, seq);
  }

  read(seq: number): ChangeEntry {
    const i = seq - 1;
    const text = readRange(this.files[i], this.offsets[i], this.lengths[i]);
    try {
      return JSON.parse(text) as ChangeEntry;
    } catch {
      throw new Error(`change log entry ${seq} in ${this.files[i].path} at byte ${this.offsets[i]} is corrupt`);
    }
  }

  /**
   * The durable entries of the writes after `revision`, in seq order, at most
   * `limit` (whole writes only: `more` when the log holds more than that).
   * Entries of a write become readable together once its block is fsync'd.
   */
  since(revision: number, limit: number): { items: ChangeEntry[]; more: boolean } {
    // First entry with a later revision (binary search over the non-decreasing revisions).
    let lo = 0;
    let hi = this.durableSeq;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.revisions[mid] > revision) hi = mid;
      else lo = mid + 1;
    }
    if (this.durableSeq - lo > limit) return { items: [], more: true };
    const items: ChangeEntry[] = [];
    for (let seq = lo + 1; seq <= this.durableSeq; seq++) items.push(this.read(seq));
    return { items, more: false };
  }

  page(query: ChangeQuery): Page<ChangeEntry> {
    const limit = pageLimit(query.limit);
    let start = 1;
    if (query.cursor) {
      const after = decodeCursor(query.cursor, 'seq');
      const seq = Number(after);
      if (!Number.isInteger(seq) || seq < 0) throw new ValidationError('invalid cursor', [{ path: 'cursor', message: 'not a cursor from this log' }]);
      start = seq + 1;
    }
    const since = timeBound(query.since, 'since');
    const until = timeBound(query.until, 'until');
    const items: ChangeEntry[] = [];
    let last = 0;
    for (let seq = start; seq <= this.durableSeq; seq++) {
      const i = seq - 1;
      if (query.id !== undefined && this.ids[i] !== query.id) continue;
      const at = this.ats[i];
      if (since && (since.length === 10 ? at.slice(0, 10) < since : at < since)) continue;
      if (until && (until.length === 10 ? at.slice(0, 10) > until : at > until)) continue;
      if (items.length === limit) return { items, nextCursor: encodeCursor('seq', String(last)) };
      items.push(this.read(seq));
      last = seq;
    }
    return { items };
  }
}

function timeBound(value: string | undefined, path: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) || !Number.isNaN(Date.parse(value))) {
    return value.length === 10 ? value : new Date(value).toISOString();
  }
  throw new ValidationError(`invalid ${path}`, [{ path, message: 'must be an ISO date or timestamp' }]);
}
