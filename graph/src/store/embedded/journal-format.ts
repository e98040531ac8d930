import type { ChangeEntry } from '../port.ts';

// Journal lines. A revision is written as one line per change entry followed
// by a commit marker; the revision counts only when its marker is present,
// so a huge bulk import never needs one giant JSON string, and a crash in
// the middle of writing it leaves a recognisable, droppable tail.
//
//   {"seq":12,"revision":5,"at":"…","id":"las-naves","entity":"node","op":"update","actor":"ana","before":{…},"after":{…}}
//   {"commit":5,"lastSeq":12,"count":1}
//
// The first four keys of an entry line are always seq, revision, at, id, so
// the change-log index can read them without parsing the images.

export interface CommitMarker {
  commit: number;
  lastSeq: number;
  count: number;
}

export function entryLine(entry: ChangeEntry): string {
  const { seq, revision, at, id, entity, op, actor, via, before, after } = entry;
  return `${JSON.stringify({ seq, revision, at, id, entity, op, actor, via, before, after })}\n`;
}

export function commitLine(marker: CommitMarker): string {
  return `${JSON.stringify(marker)}\n`;
}

const ENTRY_PREFIX = /^\{"seq":(\d+),"revision":(\d+),"at":"([^"\\]*)","id":"([^"\\]*)",/;
const COMMIT = /^\{"commit":(\d+),"lastSeq":(\d+),"count":(\d+)\}$/;

export type ParsedLine =
  | { kind: 'entry'; seq: number; revision: number; at: string; id: string }
  | { kind: 'commit'; marker: CommitMarker }
  | { kind: 'invalid' };

/** Reads what the index needs from a line; only its ASCII head is decoded, the images are not parsed. */
export function parseLineHead(bytes: Buffer): ParsedLine {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 400));
  const commit = COMMIT.exec(head);
  if (commit) return { kind: 'commit', marker: { commit: +commit[1], lastSeq: +commit[2], count: +commit[3] } };
  const entry = ENTRY_PREFIX.exec(head);
  if (entry && bytes[bytes.length - 1] === 0x7d) return { kind: 'entry', seq: +entry[1], revision: +entry[2], at: entry[3], id: entry[4] };
  return { kind: 'invalid' };
}
