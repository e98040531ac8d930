import { openSync, readSync, closeSync } from 'node:fs';

// Reads a file line by line with each line's byte offset, in fixed-size
// chunks, so multi-hundred-megabyte journals never become one string.

export interface ScannedLine {
  /** The line's bytes; a view into a reused buffer, valid until the next line is read. */
  bytes: Buffer;
  /** Byte offset of the first character. */
  offset: number;
  /** Bytes, without the newline. */
  length: number;
  /** False for a last line that has no newline after it (a torn write). */
  terminated: boolean;
}

const CHUNK = 4 * 1024 * 1024;

export function* scanLines(path: string): Generator<ScannedLine> {
  const fd = openSync(path, 'r');
  try {
    let carry: Buffer[] = [];
    let carryLength = 0;
    let position = 0;
    let lineStart = 0;
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK, position);
      if (read === 0) break;
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, from);
        if (nl === -1 || nl >= read) break;
        const piece = chunk.subarray(from, nl);
        const bytes = carryLength ? Buffer.concat([...carry, piece]) : piece;
        yield { bytes, offset: lineStart, length: bytes.length, terminated: true };
        lineStart += bytes.length + 1;
        carry = [];
        carryLength = 0;
        from = nl + 1;
      }
      if (from < read) {
        carry.push(Buffer.from(chunk.subarray(from, read)));
        carryLength += read - from;
      }
      position += read;
    }
    if (carryLength) {
      const bytes = Buffer.concat(carry);
      yield { bytes, offset: lineStart, length: bytes.length, terminated: false };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of a UTF-8 text file as strings (a last line without newline
 * included), decoding each chunk once rather than line by line: the fast
 * way to read a file that is parsed whole, such as a snapshot.
 */
export function* readTextLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let position = 0;
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
      const lastNewline = chunk.lastIndexOf(0x0a, read - 1);
      if (lastNewline === -1) {
        carry = Buffer.concat([carry, chunk.subarray(0, read)]);
        continue;
      }
      const text = (carry.length ? Buffer.concat([carry, chunk.subarray(0, lastNewline)]) : chunk.subarray(0, lastNewline)).toString('utf8');
      carry = Buffer.from(chunk.subarray(lastNewline + 1, read));
      yield* text.split('\n');
    }
    if (carry.length) yield carry.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
