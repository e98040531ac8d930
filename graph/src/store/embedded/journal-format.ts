import type { ChangeEntry } from '../port.ts';
import type { JournalFile, LazyBlock } from './journal.ts';

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

/** One change of a revision, as applied to memory (records are immutable, so rendering later is safe). */
export interface JournalChange {
  entity: 'node' | 'relationship';
  op: 'create' | 'update' | 'delete';
  id: string;
  before: object | null;
  after: object | null;
}

const LINES_PER_PIECE = 1000;

/**
 * A whole revision (its entry lines, then its commit marker) as a journal
 * block rendered at write time, byte for byte what `entryLine` gives for
 * each entry. `placed` learns where each entry line landed (for the change
 * log index), in seq order.
 */
export function revisionBlock(
  revision: { revision: number; firstSeq: number; at: string; actor: string; via?: string },
  changes: readonly JournalChange[],
  placed: (id: string, file: JournalFile, offset: number, length: number) => void,
): LazyBlock {
  const { firstSeq } = revision;
  const lastSeq = firstSeq + changes.length - 1;
  return {
    *render(file, offset) {
      const at = JSON.stringify(revision.at);
      const who = JSON.stringify({ actor: revision.actor, via: revision.via }).slice(1, -1);
      const middle = who ? `,${who},"before":` : ',"before":';
      let lines: string[] = [];
      for (let i = 0; i < changes.length; i++) {
        const c = changes[i];
        const line = `{"seq":${firstSeq + i},"revision":${revision.revision},"at":${at},"id":${JSON.stringify(c.id)},"entity":"${c.entity}","op":"${c.op}"${middle}${json(c.before)},"after":${json(c.after)}}\n`;
        const bytes = Buffer.byteLength(line);
        placed(c.id, file, offset, bytes - 1);
        offset += bytes;
        lines.push(line);
        if (lines.length === LINES_PER_PIECE) {
          yield Buffer.from(lines.join(''));
          lines = [];
        }
      }
      lines.push(commitLine({ commit: revision.revision, lastSeq, count: changes.length }));
      yield Buffer.from(lines.join(''));
    },
  };
}

function json(value: object | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

export function commitLine(marker: CommitMarker): string {
  return `${JSON.stringify(marker)}\n`;
}

const COMMIT = /^\{"commit":(\d+),"lastSeq":(\d+),"count":(\d+)\}$/;
const HEAD_BYTES = 400;

export type ParsedLine =
  | { kind: 'entry'; seq: number; revision: number; at: string; id: string }
  | { kind: 'commit'; marker: CommitMarker }
  | { kind: 'invalid' };

const INVALID: ParsedLine = { kind: 'invalid' };
const SEQ = Buffer.from('{"seq":');
const REVISION = Buffer.from(',"revision":');
const AT = Buffer.from(',"at":"');
const ID = Buffer.from('","id":"');
const COMMIT_START = Buffer.from('{"commit":');

/**
 * Reads what the index needs from a line, straight from its bytes (start-up
 * runs this on every line of the change log): an entry's head must be
 * `{"seq":N,"revision":N,"at":"…","id":"…",` within the first 400 bytes, with
 * no quote or backslash inside the strings; the images are not parsed.
 */
export function parseLineHead(bytes: Buffer): ParsedLine {
  const limit = Math.min(bytes.length, HEAD_BYTES);
  if (startsWith(bytes, 0, COMMIT_START, limit)) {
    const commit = COMMIT.exec(bytes.toString('latin1', 0, limit));
    return commit ? { kind: 'commit', marker: { commit: +commit[1], lastSeq: +commit[2], count: +commit[3] } } : INVALID;
  }
  if (bytes[bytes.length - 1] !== 0x7d || !startsWith(bytes, 0, SEQ, limit)) return INVALID;
  let pos = SEQ.length;
  const seqEnd = digitsEnd(bytes, pos, limit);
  if (seqEnd === pos || !startsWith(bytes, seqEnd, REVISION, limit)) return INVALID;
  const seq = readNumber(bytes, pos, seqEnd);
  pos = seqEnd + REVISION.length;
  const revisionEnd = digitsEnd(bytes, pos, limit);
  if (revisionEnd === pos || !startsWith(bytes, revisionEnd, AT, limit)) return INVALID;
  const revision = readNumber(bytes, pos, revisionEnd);
  pos = revisionEnd + AT.length;
  const atEnd = plainStringEnd(bytes, pos, limit);
  if (atEnd === -1 || !startsWith(bytes, atEnd, ID, limit)) return INVALID;
  const at = internAt(bytes, pos, atEnd);
  pos = atEnd + ID.length;
  const idEnd = plainStringEnd(bytes, pos, limit);
  if (idEnd === -1 || idEnd + 1 >= limit || bytes[idEnd + 1] !== 0x2c) return INVALID;
  return { kind: 'entry', seq, revision, at, id: bytes.toString('latin1', pos, idEnd) };
}

function startsWith(bytes: Buffer, pos: number, literal: Buffer, limit: number): boolean {
  if (pos + literal.length > limit) return false;
  for (let i = 0; i < literal.length; i++) if (bytes[pos + i] !== literal[i]) return false;
  return true;
}

function digitsEnd(bytes: Buffer, pos: number, limit: number): number {
  while (pos < limit && bytes[pos] >= 0x30 && bytes[pos] <= 0x39) pos++;
  return pos;
}

function readNumber(bytes: Buffer, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (bytes[i] - 0x30);
  return value;
}

/** Index of the closing quote of a string without quotes or backslashes, or -1. */
function plainStringEnd(bytes: Buffer, pos: number, limit: number): number {
  for (; pos < limit; pos++) {
    const b = bytes[pos];
    if (b === 0x22) return pos;
    if (b === 0x5c) return -1;
  }
  return -1;
}

// All entries of one revision share their timestamp: one string for them all, not one per line.
let lastAtBytes = Buffer.alloc(0);
let lastAt = '';
function internAt(bytes: Buffer, from: number, to: number): string {
  if (to - from !== lastAtBytes.length || bytes.compare(lastAtBytes, 0, lastAtBytes.length, from, to) !== 0) {
    lastAtBytes = Buffer.from(bytes.subarray(from, to));
    lastAt = bytes.toString('latin1', from, to);
  }
  return lastAt;
}
