import type { ChangeEntry, ChangeQuery, ChangesSince, Page } from '../port.ts';
import { changeFromProps, changeToProps, type Props } from './codec.ts';
import { chunks, decodeCursor, encodeCursor, int, pageLimit, whereClause, type CypherRunner, type Row } from './cypher.ts';

// The audit log in Neo4j, written in the same transaction as the write it
// describes. Small writes store one (:_Change) node per entry (seq, id and at
// indexed). Large writes (bulk imports) store their entries compactly: one
// (:_ChangeBatch {seq, lastSeq, revision, at, ids, entries}) node per
// ENTRIES_PER_BATCH entries, `entries` being the JSON array of the entries —
// 100k entries are 100 nodes instead of 100k indexed nodes. `changes()`
// reads both kinds and expands the batches, so its output and paging do not
// depend on how an entry was stored.

/** Writes logging more entries than this store them in (:_ChangeBatch) nodes. */
const SINGLE_ENTRY_MAX = 50;
/** Entries per (:_ChangeBatch) node: small enough to parse quickly for one page. */
const ENTRIES_PER_BATCH = 1_000;

export async function appendChanges(runner: CypherRunner, pending: ChangeEntry[]): Promise<void> {
  if (!pending.length) return;
  if (pending.length <= SINGLE_ENTRY_MAX) {
    const rows = pending.map((c) => ({ ...changeToProps(c), seq: int(c.seq), revision: int(c.revision) }));
    await runner.run('UNWIND $rows AS row CREATE (c:_Change) SET c = row', { rows });
    return;
  }
  const batches = chunks(pending, ENTRIES_PER_BATCH).map((part) => ({
    seq: int(part[0].seq),
    lastSeq: int(part[part.length - 1].seq),
    revision: int(part[0].revision),
    at: part[0].at,
    ids: part.map((c) => c.id),
    entries: JSON.stringify(part),
  }));
  await runner.run('UNWIND $rows AS row CREATE (b:_ChangeBatch) SET b = row', { rows: batches });
}

export async function readChanges(runner: CypherRunner, query: ChangeQuery): Promise<Page<ChangeEntry>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor<number>(query.cursor, 'number') ?? 0;
  const params: Row = { limit: int(limit + 1), after: int(after) };
  const common: string[] = [];
  if (query.since) {
    params.since = query.since;
    common.push('c.at >= $since');
  }
  if (query.until) {
    // A bare day means "until the end of that day".
    params.until = query.until.length === 10 ? `${query.until}\uffff` : query.until;
    common.push('c.at <= $until');
  }
  if (query.id) params.id = query.id;
  const singleWhere = ['c.seq > $after', ...common, ...(query.id ? ['c.id = $id'] : [])];
  const batchWhere = ['c.lastSeq > $after', ...common, ...(query.id ? ['$id IN c.ids'] : [])];
  // Batches in seq order, only as many as hold limit + 1 wanted entries: `wanted`
  // is exact without an id filter and a lower bound (1) with one.
  const wanted = query.id ? '1' : 'c.lastSeq - CASE WHEN c.seq > $after THEN c.seq - 1 ELSE $after END';
  const [row] = await runner.run(
    `CALL () { MATCH (c:_Change) ${whereClause(singleWhere)} WITH c ORDER BY c.seq LIMIT $limit RETURN collect(c {.*}) AS singles }
     CALL () {
       MATCH (c:_ChangeBatch) ${whereClause(batchWhere)} WITH c ORDER BY c.lastSeq LIMIT $limit
       WITH collect([c, ${wanted}]) AS found
       UNWIND range(0, size(found) - 1) AS i
       WITH found, i WHERE reduce(before = 0, f IN found[..i] | before + f[1]) < $limit
       RETURN collect(found[i][0].entries) AS batches
     }
     RETURN singles, batches`,
    params,
  );
  const found: ChangeEntry[] = (row.singles as Props[]).map(changeFromProps);
  for (const json of row.batches as string[]) {
    for (const entry of JSON.parse(json) as ChangeEntry[]) {
      if (entry.seq > after && (!query.id || entry.id === query.id)) found.push(entry);
    }
  }
  found.sort((a, b) => a.seq - b.seq);
  const items = found.slice(0, limit);
  return found.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1].seq) } : { items };
}

/**
 * The change feed after `revision` (index-backed on revision): single entries
 * and batches are counted first, so a write of more than `limit` entries costs
 * one small query, not its whole log.
 */
export async function readChangesSince(runner: CypherRunner, revision: number, limit: number): Promise<ChangesSince> {
  const params = { revision: int(revision), limit: int(limit + 1) };
  const [count] = await runner.run(
    `CALL () { MATCH (c:_Change) WHERE c.revision > $revision RETURN count(c) AS singles }
     CALL () { MATCH (b:_ChangeBatch) WHERE b.revision > $revision RETURN coalesce(sum(b.lastSeq - b.seq + 1), 0) AS batched }
     RETURN singles, batched`,
    params,
  );
  if ((count.singles as number) + (count.batched as number) > limit) return { items: [], more: true };
  const [row] = await runner.run(
    `CALL () { MATCH (c:_Change) WHERE c.revision > $revision RETURN collect(c {.*}) AS singles }
     CALL () { MATCH (b:_ChangeBatch) WHERE b.revision > $revision RETURN collect(b.entries) AS batches }
     RETURN singles, batches`,
    params,
  );
  const items: ChangeEntry[] = (row.singles as Props[]).map(changeFromProps);
  for (const json of row.batches as string[]) items.push(...(JSON.parse(json) as ChangeEntry[]));
  items.sort((a, b) => a.seq - b.seq);
  return { items, more: false };
}
