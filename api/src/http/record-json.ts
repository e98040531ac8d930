import type { Response } from 'express';

// JSON of graph records, memoised per record object. The embedded store never
// mutates a record in place (a write replaces it), so a record's JSON can be
// kept and a 2-hop neighbourhood of a hub — a thousand nodes, ~1 MB — becomes
// a join of cached strings instead of a fresh JSON.stringify of every document
// (the largest cost of the request, profiled). Records that are new objects on
// every read (Neo4j, or redacted for a viewer) simply miss. Bounded: the memo
// is dropped whole when it holds MAX_MEMO records.

const MAX_MEMO = 50_000;
let memo = new WeakMap<object, string>();
let memoSize = 0;

function recordJson(record: object): string {
  let json = memo.get(record);
  if (json === undefined) {
    json = JSON.stringify(record);
    if (++memoSize > MAX_MEMO) {
      memo = new WeakMap();
      memoSize = 1;
    }
    memo.set(record, json);
  }
  return json;
}

/** `[…]` of records, each from the memo. */
export function recordsJson(records: readonly object[]): string {
  let out = '[';
  for (let i = 0; i < records.length; i++) out += (i ? ',' : '') + recordJson(records[i]);
  return out + ']';
}

/**
 * Sends an object whose listed array fields hold records (nodes,
 * relationships) as JSON, the same bytes res.json would send.
 */
export function sendWithRecords(res: Response, value: object, recordFields: readonly string[] = ['nodes', 'relationships']): void {
  res.type('application/json').send(withRecords(value, recordFields));
}

export function withRecords(value: object, recordFields: readonly string[] = ['nodes', 'relationships']): string {
  let out = '{';
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const json = recordFields.includes(key) && Array.isArray(field) ? recordsJson(field as object[]) : JSON.stringify(field);
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + json;
  }
  return out + '}';
}
