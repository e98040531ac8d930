import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { isZip } from './formats.ts';
import { SourceError } from './source-error.ts';

/** One uploaded or local file: exactly one of path, buffer or stream. */
export interface ImportFile {
  name: string;
  path?: string;
  buffer?: Uint8Array;
  /** Read once; when the encoding needs a second pass, only path/buffer files get one. */
  stream?: AsyncIterable<Uint8Array>;
}

/** A file ready to read: its first bytes are known and it can be opened (again, when reopenable). */
export interface PreparedFile {
  name: string;
  head: Uint8Array;
  size?: number;
  reopenable: boolean;
  open(): AsyncIterable<Uint8Array>;
  /** Bytes consumed by the decoding pass so far (progress bars). */
  bytesRead?: number;
}

const HEAD_BYTES = 64 * 1024;
const READ_CHUNK = 256 * 1024;

export { SourceError };

export async function prepareFile(file: ImportFile): Promise<PreparedFile> {
  if (file.buffer) {
    const buffer = file.buffer;
    return {
      name: file.name,
      head: buffer.subarray(0, HEAD_BYTES),
      size: buffer.byteLength,
      reopenable: true,
      async *open() {
        for (let i = 0; i < buffer.byteLength; i += READ_CHUNK) yield buffer.subarray(i, i + READ_CHUNK);
      },
    };
  }
  if (file.path) {
    const path = file.path;
    const size = (await stat(path)).size;
    let head: Uint8Array = new Uint8Array(0);
    for await (const chunk of createReadStream(path, { start: 0, end: HEAD_BYTES - 1 })) head = concat(head, chunk as Buffer);
    return {
      name: file.name,
      head,
      size,
      reopenable: true,
      open: () => createReadStream(path, { highWaterMark: READ_CHUNK }) as AsyncIterable<Uint8Array>,
    };
  }
  if (file.stream) {
    const iterator = file.stream[Symbol.asyncIterator]();
    let head: Uint8Array = new Uint8Array(0);
    const pending: Uint8Array[] = [];
    while (head.byteLength < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
      pending.push(chunk);
      head = concat(head, chunk);
    }
    let opened = false;
    return {
      name: file.name,
      head,
      reopenable: false,
      async *open() {
        if (opened) throw new SourceError(`${file.name} can only be read once`);
        opened = true;
        yield* pending;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
        }
      },
    };
  }
  throw new SourceError(`${file.name}: no path, buffer or stream given`);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  // (typed loosely: chunks may come from Buffers over shared memory)
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

export async function readAll(file: PreparedFile): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of file.open()) {
    parts.push(chunk);
    total += chunk.byteLength;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * The .csv entries of a zip (such as our CSV export), each as a buffer file
 * named `archive.zip/elements.csv`. Zips are read into memory: plain CSV files
 * are the streaming path for very large imports.
 */
export async function zipEntries(file: PreparedFile): Promise<PreparedFile[]> {
  if (!isZip(file.head)) return [file];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(await readAll(file), { filter: (f) => /\.(csv|tsv|txt)$/i.test(f.name) && !f.name.startsWith('__MACOSX/') });
  } catch (error) {
    throw new SourceError(`${file.name} is not a readable zip archive (${(error as Error).message})`);
  }
  const names = Object.keys(entries).sort((a, b) => csvOrder(a) - csvOrder(b) || a.localeCompare(b));
  if (!names.length) throw new SourceError(`${file.name} contains no .csv file`);
  return Promise.all(names.map((name) => prepareFile({ name: `${file.name}/${name}`, buffer: entries[name] })));
}

/** elements before connections, so that connections can be checked against them. */
function csvOrder(name: string): number {
  return /connection|edge|link|relationship/i.test(name) ? 1 : 0;
}
