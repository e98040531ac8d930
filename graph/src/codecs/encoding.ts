import { SourceError } from './source-error.ts';
import type { PreparedFile } from './source.ts';

// Spreadsheet files arrive as UTF-8 (with or without BOM), as UTF-16 from
// Excel's "Unicode text", or as Windows-1252 from Excel's "CSV" on Windows.
// Decision: Windows-1252 is converted (with a warning in the report) rather
// than refused, because that is what Excel writes in Spain by default; a file
// that is neither valid UTF-8 nor plausible Windows-1252 is refused.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes to skip at the start (the BOM). */
  skip: number;
  bom: boolean;
  warning?: string;
}

/** Bytes that Windows-1252 leaves undefined: a file containing them is not 1252 text. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.byteLength, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return n > 0 && controls / n > 0.02;
}

/** Scans a whole reopenable file (or only the head of a one-shot stream) to pick its encoding. */
export async function detectEncoding(file: PreparedFile): Promise<DetectedEncoding> {
  const h = file.head;
  if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) return { encoding: 'utf-8', skip: 3, bom: true };
  if (h[0] === 0xff && h[1] === 0xfe) return { encoding: 'utf-16le', skip: 2, bom: true };
  if (h[0] === 0xfe && h[1] === 0xff) return { encoding: 'utf-16be', skip: 2, bom: true };
  if (looksBinary(h)) throw new SourceError(`${file.name} looks like a binary file, not text (CSV, JSON or XML)`);

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let undefined1252 = false;
  const scan = (chunk: Uint8Array, last: boolean) => {
    if (valid) {
      try {
        decoder.decode(chunk, { stream: !last });
      } catch {
        valid = false;
      }
    }
    if (!valid && !undefined1252) for (const b of chunk) if (UNDEFINED_1252.has(b)) undefined1252 = true;
  };
  if (file.reopenable) {
    for await (const chunk of file.open()) scan(chunk, false);
    scan(new Uint8Array(0), true);
    if (!valid && !undefined1252) {
      // Second look: count undefined bytes over the whole file once it is known not to be UTF-8.
      for await (const chunk of file.open()) for (const b of chunk) if (UNDEFINED_1252.has(b)) undefined1252 = true;
    }
  } else {
    // A one-shot stream: only the head can be checked; cut at the last complete line.
    const cut = h.lastIndexOf(0x0a);
    scan(h.subarray(0, cut > 0 ? cut + 1 : h.byteLength), true);
  }
  if (valid) return { encoding: 'utf-8', skip: 0, bom: false };
  if (undefined1252) {
    throw new SourceError(`${file.name} is neither UTF-8 nor Windows-1252 text; save it as "CSV UTF-8" and try again`);
  }
  return {
    encoding: 'windows-1252',
    skip: 0,
    bom: false,
    warning: `${file.name} is not UTF-8; it was read as Windows-1252 (Excel's default). Check accented names, or save it as "CSV UTF-8".`,
  };
}

/** The file's text in chunks, decoded with the detected encoding (strictly, for UTF-8). */
export async function* decodeText(file: PreparedFile, detected: DetectedEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(detected.encoding, { fatal: detected.encoding === 'utf-8' });
  let skip = detected.skip;
  let offset = 0;
  file.bytesRead = 0;
  for await (const raw of file.open()) {
    file.bytesRead += raw.byteLength;
    let chunk = raw;
    if (skip > 0) {
      const n = Math.min(skip, chunk.byteLength);
      chunk = chunk.subarray(n);
      skip -= n;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new SourceError(`${file.name} is not valid UTF-8 after byte ${offset}; save it as "CSV UTF-8" and try again`);
    }
    offset += chunk.byteLength;
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** The whole text of a (small) file. */
export async function readText(file: PreparedFile): Promise<{ text: string; detected: DetectedEncoding }> {
  const detected = await detectEncoding(file);
  let text = '';
  for await (const chunk of decodeText(file, detected)) text += chunk;
  return { text, detected };
}
