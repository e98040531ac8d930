import { existsSync, openSync, readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphNode, GraphRelationship } from '../../model/schemas.ts';
import type { ChangeEntry } from '../port.ts';
import type { ChangeLog } from './change-log.ts';
import type { JournalFile } from './journal.ts';
import { parseLineHead } from './journal-format.ts';
import { scanLines } from './line-scanner.ts';
import type { MemoryGraph } from './memory-graph.ts';
import { readSnapshot } from './snapshot.ts';

// Start-up: load the snapshot, then walk the archived journal segments and
// the live journal in order. Every committed entry goes into the change-log
// index; entries newer than the snapshot are also applied to memory. A torn
// or uncommitted tail of the live journal is dropped (it was never
// acknowledged) with a warning; damage anywhere else is an error.

export const SNAPSHOT_FILE = 'snapshot.json';
export const JOURNAL_FILE = 'journal.ndjson';
const SEGMENT = /^changes-(\d{10})\.ndjson$/;

export function segmentName(lastRevision: number): string {
  return `changes-${String(lastRevision).padStart(10, '0')}.ndjson`;
}

export interface Recovered {
  revision: number;
  /** Archived segments (still serving change-log reads). */
  segments: JournalFile[];
  /** The live journal, already indexed; its descriptor is opened by Journal.open. */
  journal: JournalFile;
  /** Committed entries in the live journal (drives compaction). */
  journalEntries: number;
}

export class CorruptJournalError extends Error {
  constructor(detail: string) {
    super(`embedded store data is corrupt: ${detail}. Restore ${JOURNAL_FILE}/${SNAPSHOT_FILE} from a backup or move the data directory aside.`);
    this.name = 'CorruptJournalError';
  }
}

interface Pending {
  offset: number;
  length: number;
  /** Full text, kept only for entries that must be applied (newer than the snapshot). */
  text: string | null;
  lineNo: number;
  seq: number;
  revision: number;
  at: string;
  id: string;
}

export function recover(dataDir: string, graph: MemoryGraph, changeLog: ChangeLog, warn: (msg: string) => void): Recovered {
  const snapshotPath = join(dataDir, SNAPSHOT_FILE);
  let snapshotRevision = 0;
  if (existsSync(snapshotPath)) {
    snapshotRevision = readSnapshot(
      snapshotPath,
      (n) => graph.putNode(n),
      (r) => graph.putRelationship(r),
    ).revision;
  }

  const segments = readdirSync(dataDir)
    .filter((name) => SEGMENT.test(name))
    .sort()
    .map((name) => ({ path: join(dataDir, name), readFd: openSync(join(dataDir, name), 'r') }));
  const journal: JournalFile = { path: join(dataDir, JOURNAL_FILE), readFd: -1 };

  let revision = 0;
  let journalEntries = 0;
  const files = [...segments, ...(existsSync(journal.path) ? [journal] : [])];
  for (const file of files) {
    const live = file === journal;
    let pending: Pending[] = [];
    let goodEnd = 0;
    let lineNo = 0;
    let bad: { lineNo: number; why: string } | null = null;
    for (const line of scanLines(file.path)) {
      lineNo++;
      if (bad) throw new CorruptJournalError(`${file.path} line ${bad.lineNo}: ${bad.why}, followed by more lines`);
      if (!line.terminated) {
        bad = { lineNo, why: 'torn line (no newline)' };
        continue;
      }
      const head = parseLineHead(line.bytes);
      if (head.kind === 'invalid') {
        bad = { lineNo, why: 'unreadable line' };
        continue;
      }
      if (head.kind === 'entry') {
        const expected = changeLog.lastSeq + pending.length + 1;
        if (head.seq !== expected) throw new CorruptJournalError(`${file.path} line ${lineNo}: seq ${head.seq}, expected ${expected}`);
        const text = head.revision > snapshotRevision ? line.bytes.toString('utf8') : null;
        pending.push({ offset: line.offset, length: line.length, text, lineNo, ...head });
        continue;
      }
      const { marker } = head;
      const firstCommit = revision === 0 && changeLog.lastSeq === 0;
      const consistent =
        (firstCommit || marker.commit === revision + 1) &&
        marker.count === pending.length &&
        marker.lastSeq === changeLog.lastSeq + pending.length &&
        pending.every((p) => p.revision === marker.commit);
      if (!consistent) throw new CorruptJournalError(`${file.path} line ${lineNo}: commit marker for revision ${marker.commit} does not match its entries`);
      for (const p of pending) {
        changeLog.add(file, p.offset, p.length, p.id, p.at, marker.commit);
        if (marker.commit > snapshotRevision) applyEntry(graph, parseEntry(file.path, p));
      }
      if (live) journalEntries += pending.length;
      revision = marker.commit;
      goodEnd = line.offset + line.length + 1;
      pending = [];
    }
    if (bad || pending.length) {
      const what = bad ? `${bad.why} at line ${bad.lineNo}` : `${pending.length} uncommitted entr${pending.length === 1 ? 'y' : 'ies'}`;
      if (!live) throw new CorruptJournalError(`archived segment ${file.path} ends with ${what}`);
      warn(`embedded store: dropping the unacknowledged tail of ${file.path} (${what}); truncating it to ${goodEnd} bytes`);
      truncateSync(file.path, goodEnd);
    }
  }
  if (revision < snapshotRevision) {
    throw new CorruptJournalError(`the journal ends at revision ${revision} but the snapshot is at ${snapshotRevision}`);
  }
  changeLog.markDurable(changeLog.lastSeq);
  graph.resetOrder();
  return { revision: Math.max(revision, snapshotRevision), segments, journal, journalEntries };
}

function parseEntry(path: string, p: Pending): ChangeEntry {
  try {
    return JSON.parse(p.text!) as ChangeEntry;
  } catch {
    throw new CorruptJournalError(`${path} line ${p.lineNo} is not valid JSON`);
  }
}

export function applyEntry(graph: MemoryGraph, entry: Pick<ChangeEntry, 'entity' | 'id' | 'after'>): void {
  if (entry.entity === 'node') {
    if (entry.after) graph.putNode(entry.after as GraphNode);
    else graph.removeNode(entry.id);
  } else if (entry.after) graph.putRelationship(entry.after as GraphRelationship);
  else graph.removeRelationship(entry.id);
}
