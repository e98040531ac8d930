import { ValidationError } from '../../errors.ts';

// Page sizes and opaque cursors. A cursor is the last key of the previous
// page, tagged with what it is a key of, base64url-encoded.

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ValidationError('invalid limit', [{ path: 'limit', message: `must be an integer from 1 to ${MAX_PAGE}` }]);
  }
  return limit;
}

export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}\u0000${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, kind: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sep = text.indexOf('\u0000');
  if (sep === -1 || text.slice(0, sep) !== kind) {
    throw new ValidationError('invalid cursor', [{ path: 'cursor', message: 'not a cursor returned by this list' }]);
  }
  return text.slice(sep + 1);
}
