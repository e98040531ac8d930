import { ValidationError } from '../errors.ts';
import { isIsoDay } from '../model/dates.ts';
import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import type { ChangeEntry, GraphStore } from '../store/port.ts';

/**
 * What happened to the network between two days `from` ≤ `to`, answering
 * "the network at `from`" versus "the network at `to`" (see isValidAt, whose
 * bounds are inclusive):
 *
 * - appeared: elements whose validFrom day is in (from, to] — not yet valid on
 *   `from`, valid on `to` (unless they also ended in between; then both lists).
 * - ended: elements whose validTo day is in [from, to) — valid on `from`, no
 *   longer valid on `to`.
 * - changed: elements with audit-log entries (create, update, delete; API,
 *   import or seed) whose UTC day is in (from, to], grouped per element with
 *   the operations, the actors, the first and last time, the record before the
 *   first entry and after the last. This is about when the data was edited,
 *   not about validity; an element can be in `appeared` and in `changed`.
 *
 * Half-open windows make consecutive diffs (a→b, b→c) add up to a→c without
 * counting anything twice. Each list is capped at `limit`; `truncated` says so.
 */

export interface DiffOptions {
  from: string;
  to: string;
  /** Maximum number of elements per list (default 1000). */
  limit?: number;
  /** Maximum number of audit entries read (default 100 000). */
  maxChanges?: number;
}

export interface ChangedElement {
  entity: 'node' | 'relationship';
  id: string;
  ops: Array<ChangeEntry['op']>;
  actors: string[];
  first: string;
  last: string;
  before: GraphNode | GraphRelationship | null;
  after: GraphNode | GraphRelationship | null;
}

export interface ElementLists {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

export interface GraphDiff {
  from: string;
  to: string;
  appeared: ElementLists;
  ended: ElementLists;
  changed: ChangedElement[];
  truncated: boolean;
}

const day = (value: string | undefined) => value?.slice(0, 10);

export function appearedBetween(element: { validFrom?: string }, from: string, to: string): boolean {
  const d = day(element.validFrom);
  return d !== undefined && d > from && d <= to;
}

export function endedBetween(element: { validTo?: string }, from: string, to: string): boolean {
  const d = day(element.validTo);
  return d !== undefined && d >= from && d < to;
}

export function changedBetween(entry: { at: string }, from: string, to: string): boolean {
  const d = day(entry.at)!;
  return d > from && d <= to;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function checkDiffWindow(from: string, to: string): void {
  const errors = [];
  if (!isIsoDay(from)) errors.push({ path: 'from', message: 'must be a real date written YYYY-MM-DD' });
  if (!isIsoDay(to)) errors.push({ path: 'to', message: 'must be a real date written YYYY-MM-DD' });
  if (!errors.length && to < from) errors.push({ path: 'to', message: 'to is before from' });
  if (errors.length) throw new ValidationError(`invalid diff window: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}

export async function diffBetween(store: GraphStore, options: DiffOptions): Promise<GraphDiff> {
  const { from, to } = options;
  checkDiffWindow(from, to);
  const limit = options.limit ?? 1000;
  const maxChanges = options.maxChanges ?? 100_000;
  const result: GraphDiff = {
    from,
    to,
    appeared: { nodes: [], relationships: [] },
    ended: { nodes: [], relationships: [] },
    changed: [],
    truncated: false,
  };
  const add = <T>(list: T[], item: T) => {
    if (list.length < limit) list.push(item);
    else result.truncated = true;
  };

  for await (const chunk of store.exportAll({ chunkSize: 1000 })) {
    for (const node of chunk.nodes) {
      if (appearedBetween(node, from, to)) add(result.appeared.nodes, node);
      if (endedBetween(node, from, to)) add(result.ended.nodes, node);
    }
    for (const rel of chunk.relationships) {
      if (appearedBetween(rel, from, to)) add(result.appeared.relationships, rel);
      if (endedBetween(rel, from, to)) add(result.ended.relationships, rel);
    }
  }

  const byElement = new Map<string, ChangedElement>();
  let read = 0;
  let cursor: string | undefined;
  do {
    const page = await store.changes({ since: nextDay(from), until: `${to}T23:59:59.999Z`, limit: 1000, cursor });
    for (const entry of page.items) {
      if (!changedBetween(entry, from, to)) continue;
      const key = `${entry.entity}:${entry.id}`;
      const seen = byElement.get(key);
      if (!seen) {
        if (byElement.size >= limit) {
          result.truncated = true;
          continue;
        }
        byElement.set(key, {
          entity: entry.entity,
          id: entry.id,
          ops: [entry.op],
          actors: [entry.actor],
          first: entry.at,
          last: entry.at,
          before: entry.before,
          after: entry.after,
        });
      } else {
        if (!seen.ops.includes(entry.op)) seen.ops.push(entry.op);
        if (!seen.actors.includes(entry.actor)) seen.actors.push(entry.actor);
        seen.last = entry.at;
        seen.after = entry.after;
      }
    }
    read += page.items.length;
    cursor = page.nextCursor;
    if (cursor && read >= maxChanges) {
      result.truncated = true;
      break;
    }
  } while (cursor);
  result.changed = [...byElement.values()];
  return result;
}
