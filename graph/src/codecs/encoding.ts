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
  /** UTF-8 that was encoded twice (`Ã³` for `ó`): repaired while decoding. */
  doubleEncoded?: boolean;
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
  const utf8Bom = h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf;
  if (h[0] === 0xff && h[1] === 0xfe) return { encoding: 'utf-16le', skip: 2, bom: true };
  if (h[0] === 0xfe && h[1] === 0xff) return { encoding: 'utf-16be', skip: 2, bom: true };
  if (!utf8Bom && looksBinary(h)) throw new SourceError(`${file.name} looks like a binary file, not text (CSV, JSON or XML)`);

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let undefined1252 = false;
  let doubled = 0;
  const scan = (chunk: Uint8Array, last: boolean) => {
    if (valid) {
      try {
        const text = decoder.decode(chunk, { stream: !last });
        if (doubled < 1000) doubled += countDoubleEncoded(text);
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
  const skip = utf8Bom ? 3 : 0;
  if (valid && doubled > 0) {
    return {
      encoding: 'utf-8',
      skip,
      bom: utf8Bom,
      doubleEncoded: true,
      warning: `${file.name} is UTF-8 encoded twice ("Ã³" for "ó", ${doubled >= 1000 ? 'over 1,000' : doubled} sequence(s)); it was repaired while reading. Check accented names.`,
    };
  }
  if (valid || utf8Bom) return { encoding: 'utf-8', skip, bom: utf8Bom };
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
export function decodeText(file: PreparedFile, detected: DetectedEncoding): AsyncGenerator<string> {
  return detected.doubleEncoded ? repairDoubleEncodedStream(decodeOnce(file, detected)) : decodeOnce(file, detected);
}

async function* decodeOnce(file: PreparedFile, detected: DetectedEncoding): AsyncGenerator<string> {
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

// ---------------------------------------------------------------------------
// UTF-8 encoded twice: the bytes of "ó" (C3 B3) read as Windows-1252 and
// written again as UTF-8 give "Ã³". Such text is valid UTF-8, so it is told by
// its pattern: a lead character (Â–ô) followed by characters that stand for
// continuation bytes (0x80–0xBF). Spanish and Catalan text never has them.

/** Character → byte for the bytes 0x80–0xBF as Windows-1252 (and Latin-1) decode them. */
const CONTINUATION = new Map<string, number>();
{
  const cp1252 = new TextDecoder('windows-1252');
  for (let b = 0x80; b <= 0xbf; b++) {
    CONTINUATION.set(cp1252.decode(new Uint8Array([b])), b);
    CONTINUATION.set(String.fromCharCode(b), b);
  }
}
const CONT_CLASS = [...CONTINUATION.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00df][${CONT_CLASS}]|[\\u00e0-\\u00ef][${CONT_CLASS}]{2}|[\\u00f0-\\u00f4][${CONT_CLASS}]{3}`, 'g');

/** How many double-encoded sequences the text holds. */
export function countDoubleEncoded(text: string): number {
  return text.match(MOJIBAKE)?.length ?? 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text with every double-encoded sequence decoded once more (`Ã³` → `ó`); other characters untouched. */
export function repairDoubleEncoded(text: string): string {
  return text.replace(MOJIBAKE, (seq) => {
    const bytes = new Uint8Array(seq.length);
    bytes[0] = seq.charCodeAt(0);
    for (let i = 1; i < seq.length; i++) bytes[i] = CONTINUATION.get(seq[i])!;
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return seq;
    }
  });
}

/** A decoded stream repaired chunk by chunk; a sequence cut by a chunk boundary is held back until the next. */
export async function* repairDoubleEncodedStream(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk;
    // Hold back a trailing lead character and the continuation characters after it.
    let cut = text.length;
    for (let i = text.length - 1; i >= Math.max(0, text.length - 4); i--) {
      const code = text.charCodeAt(i);
      if (code >= 0xc2 && code <= 0xf4) {
        cut = i;
        break;
      }
      if (!CONTINUATION.has(text[i])) break;
    }
    carry = text.slice(cut);
    const ready = repairDoubleEncoded(text.slice(0, cut));
    if (ready) yield ready;
  }
  if (carry) yield repairDoubleEncoded(carry);
}
