import { ValidationError } from '@atlas/graph';

// Checks a JSON body before it is parsed (the `verify` hook of express.json):
// it must be valid UTF-8 (body-parser would otherwise turn bad bytes into
// U+FFFD and store them), and nest at most MAX_DEPTH levels (deeper input
// would overflow the stack of the recursive validators).

export const MAX_JSON_DEPTH = 64;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function checkJsonBody(_req: unknown, _res: unknown, buf: Buffer): void {
  try {
    utf8.decode(buf);
  } catch {
    throw new ValidationError('the request body is not valid UTF-8', [{ path: 'body', message: 'invalid UTF-8 byte sequence' }]);
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new ValidationError(`the request body nests deeper than ${MAX_JSON_DEPTH} levels`, [{ path: 'body', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}
