import { ValidationError, type FieldError } from '../../errors.ts';
import { endpointProblem, type GraphNode, type GraphRelationship } from '../../model/schemas.ts';
import type { NodeLabel } from '../../model/vocabulary.ts';
import type { BulkBatch, BulkCounts, BulkOptions, BulkProgress, BulkReport, ChangeEntry, Origin, WriteContext } from '../port.ts';
import { mergeImportedNode, mergeImportedRelationship, nodeFromInput, relationshipFromInput } from '../records.ts';
import { assertLabel, assertType, nodeFromProps, nodeToProps, relationshipFromProps, relationshipToProps, REL_RETURN, type Props } from './codec.ts';
import { randomUUID } from 'node:crypto';
import { chunks, int, relationshipsByIdQuery, typesInUse, type CypherRunner } from './cypher.ts';
import { META_KEY } from './schema.ts';
import { Rollback, type ScopedWriter, type WriteScope } from './write-scope.ts';

// bulkUpsert for Neo4j. Everything is validated in Node first (every error,
// with its file/row/column). Then:
// - up to `stageAbove` rows (default STAGE_ABOVE): ONE write transaction
//   reads what exists, checks relationship ends and writes in batched UNWIND
//   statements; any error rolls it all back.
// - larger imports are STAGED, because one transaction holding a million
//   relationships and their change entries overflows the server's memory:
//   planned against what exists (a read), then written in UNWIND batches of
//   STAGE_BATCH rows, each its own transaction, under an import id — new
//   nodes as (:_Staged {_import, _label}) without the :Node label every read
//   matches, so neither they nor the relationships touching them are visible;
//   change entries as (:_StagedChangeBatch) — and made visible by ONE final
//   transaction (the switch) that takes the store's write lock, checks that
//   nobody wrote since the plan (else ConflictError), applies the deletes and
//   updates, relabels the staged nodes and change batches, and bumps the
//   revision. Any failure before or in the switch deletes everything written
//   under that import id: readers never see a part of an import.

interface Located<T> {
  record: T;
  index: number;
  origin?: Origin;
}

const emptyCounts = (): BulkCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

function locate(errors: FieldError[], list: 'nodes' | 'relationships', index: number, origin: Origin | undefined): FieldError[] {
  return errors.map((e) => {
    const column = e.path.split('.')[0];
    if (!origin) return { ...e, path: `${list}.${index}.${e.path}` };
    const out: FieldError = { ...e };
    if (origin.file !== undefined) out.file = origin.file;
    if (origin.row !== undefined) out.row = origin.row;
    if (column && column !== '(root)') out.column = column;
    return out;
  });
}

function errorsOf(error: unknown): FieldError[] {
  if (error instanceof ValidationError) return error.errors?.length ? error.errors : [{ path: '(root)', message: error.message }];
  throw error;
}

function report(nodes: BulkCounts, relationships: BulkCounts, errors: FieldError[], dryRun: boolean, revision: number): BulkReport {
  const total = (k: keyof BulkCounts) => nodes[k] + relationships[k];
  return { nodes, relationships, created: total('created'), updated: total('updated'), unchanged: total('unchanged'), deleted: total('deleted'), errors, dryRun, revision };
}

/** Step 1: every input → record, without the database. */
function validateBatch(batch: BulkBatch, ctx: WriteContext, now: string) {
  const errors: FieldError[] = [];
  const nodes = new Map<string, Located<GraphNode>>();
  const relationships = new Map<string, Located<GraphRelationship>>();
  /** Ids of node rows that failed validation: relationships to them are not also reported as dangling. */
  const invalidNodeIds = new Set<string>();
  (batch.nodes ?? []).forEach((input, index) => {
    const { origin, ...fields } = input;
    try {
      const record = nodeFromInput(fields, ctx, now);
      const twin = nodes.get(record.id);
      if (twin) errors.push(...locate([{ path: 'id', message: `duplicate id "${record.id}" in this batch${twin.origin?.row ? ` (also row ${twin.origin.row})` : ''}` }], 'nodes', index, origin));
      else nodes.set(record.id, { record, index, origin });
    } catch (error) {
      errors.push(...locate(errorsOf(error), 'nodes', index, origin));
      if (typeof fields.id === 'string') invalidNodeIds.add(fields.id);
    }
  });
  (batch.relationships ?? []).forEach((input, index) => {
    const { origin, ...fields } = input;
    try {
      const record = relationshipFromInput(fields, ctx, now);
      const twin = relationships.get(record.id);
      if (twin) errors.push(...locate([{ path: 'id', message: `duplicate relationship "${record.id}" in this batch${twin.origin?.row ? ` (also row ${twin.origin.row})` : ''}` }], 'relationships', index, origin));
      else relationships.set(record.id, { record, index, origin });
    } catch (error) {
      errors.push(...locate(errorsOf(error), 'relationships', index, origin));
    }
  });
  return { errors, nodes, relationships, invalidNodeIds };
}

async function readNodes(runner: CypherRunner, ids: string[]): Promise<Map<string, GraphNode>> {
  const out = new Map<string, GraphNode>();
  for (const part of chunks(ids)) {
    for (const row of await runner.run('UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n {.*} AS n', { ids: part })) {
      const node = nodeFromProps(row.n as Props);
      out.set(node.id, node);
    }
  }
  return out;
}

async function readLabels(runner: CypherRunner, ids: string[]): Promise<Map<string, NodeLabel>> {
  const out = new Map<string, NodeLabel>();
  for (const part of chunks(ids)) {
    for (const row of await runner.run('UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.label AS label', { ids: part })) {
      out.set(row.id as string, row.label as NodeLabel);
    }
  }
  return out;
}

async function readRelationships(runner: CypherRunner, ids: string[]): Promise<Map<string, GraphRelationship>> {
  const out = new Map<string, GraphRelationship>();
  // One index seek per id and type: skip the types with no relationship at all (a first import skips every one).
  const types = ids.length ? await typesInUse(runner) : [];
  if (!types.length) return out;
  for (const part of chunks(ids)) {
    for (const row of await runner.run(relationshipsByIdQuery('$ids', types), { ids: part })) {
      const rel = relationshipFromProps(row.rel as Props);
      out.set(rel.id, rel);
    }
  }
  return out;
}

/** Everything in the store, in id order pages (replace mode needs it to know what to delete). */
async function readAll(runner: CypherRunner): Promise<{ nodes: Map<string, GraphNode>; relationships: Map<string, GraphRelationship> }> {
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  for (let after = ''; ; ) {
    const page = await runner.run('MATCH (n:Node) WHERE n.id > $after RETURN n {.*} AS n ORDER BY n.id LIMIT $size', { after, size: int(10_000) });
    for (const row of page) nodes.set((row.n as Props).id as string, nodeFromProps(row.n as Props));
    if (page.length < 10_000) break;
    after = (page[page.length - 1].n as Props).id as string;
  }
  for (const row of await runner.run(`MATCH (:Node)-[r]->(:Node) RETURN ${REL_RETURN('r')} AS rel`)) {
    const rel = relationshipFromProps(row.rel as Props);
    relationships.set(rel.id, rel);
  }
  return { nodes, relationships };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Bulk writes of more rows (nodes + relationships) than this are staged. */
export const STAGE_ABOVE = 20_000;
/** Rows per staging transaction (UNWIND parameter list). */
export const STAGE_BATCH = 20_000;

export interface Staging {
  /** Imports of more rows than this are staged (default STAGE_ABOVE). */
  above?: number;
  /** Rows per staging transaction (default STAGE_BATCH). */
  batch?: number;
}

export async function bulkUpsert(store: ScopedWriter, batch: BulkBatch, options: BulkOptions, ctx: WriteContext, staging: Staging = {}): Promise<BulkReport> {
  if (options.mode !== 'merge' && options.mode !== 'replace') {
    throw new ValidationError('mode must be merge or replace', [{ path: 'mode', message: 'must be merge or replace' }]);
  }
  const dryRun = options.dryRun === true;
  const now = new Date().toISOString();
  const valid = validateBatch(batch, ctx, now);
  const rows = (batch.nodes?.length ?? 0) + (batch.relationships?.length ?? 0);
  if (rows > (staging.above ?? STAGE_ABOVE) && !dryRun) return stagedUpsert(store, valid, options, ctx, now, staging.batch ?? STAGE_BATCH);

  // Rows that failed validation still go through the end checks below, so one
  // report lists every problem; the transaction is then rolled back.
  return store.write(ctx, async (scope) => {
    const unchangedRevision = scope.revision - 1;
    const planned = await planUpsert(scope, valid, options, now);
    if (planned.errors.length) throw new Rollback(report(emptyCounts(), emptyCounts(), planned.errors, dryRun, unchangedRevision));
    const { nodeCounts, relCounts, plan } = planned;
    if (dryRun || touchedBy(planned) === 0) throw new Rollback(report(nodeCounts, relCounts, [], dryRun, unchangedRevision));

    // Step 5: write, relationships out of the way first, then nodes, then new relationships.
    await writeBatch(scope, plan);
    return report(nodeCounts, relCounts, [], false, scope.revision);
  });
}

type Validated = ReturnType<typeof validateBatch>;

interface Planned {
  errors: FieldError[];
  nodeCounts: BulkCounts;
  relCounts: BulkCounts;
  plan: Plan;
}

function touchedBy({ nodeCounts: n, relCounts: r }: Planned): number {
  return n.created + n.updated + n.deleted + r.created + r.updated + r.deleted;
}

/** Steps 2–4: what exists, and what the batch changes (or every error). */
async function planUpsert(scope: CypherRunner, valid: Validated, options: BulkOptions, now: string): Promise<Planned> {
  const nodeCounts = emptyCounts();
  const relCounts = emptyCounts();
  const errors: FieldError[] = [...valid.errors];

  // Step 2: what exists now (read under the store's write lock).
  let existingNodes: Map<string, GraphNode>;
  let existingRels: Map<string, GraphRelationship>;
  /** Labels of relationship ends outside the batch (merge mode): no need for their documents. */
  let endLabels = new Map<string, NodeLabel>();
  if (options.mode === 'replace') {
    ({ nodes: existingNodes, relationships: existingRels } = await readAll(scope));
  } else {
    const ends = [...valid.relationships.values()].flatMap(({ record }) => [record.from, record.to]).filter((id) => !valid.nodes.has(id));
    existingNodes = await readNodes(scope, [...valid.nodes.keys()]);
    endLabels = await readLabels(scope, [...new Set(ends)]);
    existingRels = await readRelationships(scope, [...valid.relationships.keys()]);
  }

  // Step 3: plan nodes.
  const createNodes: GraphNode[] = [];
  const updateNodes: Array<{ before: GraphNode; after: GraphNode }> = [];
  for (const { record, index, origin } of valid.nodes.values()) {
    const before = existingNodes.get(record.id);
    if (!before) {
      createNodes.push(record);
      continue;
    }
    try {
      const { node, changed } = mergeImportedNode(before, record, now);
      if (changed) updateNodes.push({ before, after: node });
      else nodeCounts.unchanged++;
    } catch (error) {
      errors.push(...locate(errorsOf(error), 'nodes', index, origin));
    }
  }
  const labelOf = (id: string): NodeLabel | undefined =>
    valid.nodes.get(id)?.record.label ?? (options.mode === 'merge' ? (existingNodes.get(id)?.label ?? endLabels.get(id)) : undefined);
  const inBatch = (id: string) => valid.nodes.has(id) || valid.invalidNodeIds.has(id);

  // Step 4: plan relationships (ends must exist after the batch, with suitable labels).
  const createRels: GraphRelationship[] = [];
  const updateRels: Array<{ before: GraphRelationship; after: GraphRelationship }> = [];
  const movedRels: Array<{ before: GraphRelationship; after: GraphRelationship }> = [];
  for (const { record, index, origin } of valid.relationships.values()) {
    const endErrors: FieldError[] = [];
    for (const end of ['from', 'to'] as const) {
      if (!labelOf(record[end]) && !inBatch(record[end])) endErrors.push({ path: end, message: `node "${record[end]}" does not exist` });
    }
    if (!endErrors.length && labelOf(record.from) && labelOf(record.to)) {
      const problem = endpointProblem(record.type, labelOf(record.from)!, labelOf(record.to)!);
      if (problem) endErrors.push({ path: 'type', message: problem });
    }
    if (endErrors.length) {
      errors.push(...locate(endErrors, 'relationships', index, origin));
      continue;
    }
    const before = existingRels.get(record.id);
    if (!before) {
      createRels.push(record);
      continue;
    }
    const { relationship, changed } = mergeImportedRelationship(before, record, now);
    if (!changed) relCounts.unchanged++;
    else if (before.type !== relationship.type || before.from !== relationship.from || before.to !== relationship.to) {
      movedRels.push({ before, after: relationship }); // Neo4j cannot re-point a relationship: delete + create
    } else updateRels.push({ before, after: relationship });
  }
  const deleteNodes = options.mode === 'replace' ? [...existingNodes.values()].filter((n) => !valid.nodes.has(n.id)) : [];
  const deleteRels = options.mode === 'replace' ? [...existingRels.values()].filter((r) => !valid.relationships.has(r.id)) : [];
  nodeCounts.created = createNodes.length;
  nodeCounts.updated = updateNodes.length;
  nodeCounts.deleted = deleteNodes.length;
  relCounts.created = createRels.length;
  relCounts.updated = updateRels.length + movedRels.length;
  relCounts.deleted = deleteRels.length;
  return { errors, nodeCounts, relCounts, plan: { createNodes, updateNodes, deleteNodes, createRels, updateRels, movedRels, deleteRels } };
}

interface Plan {
  createNodes: GraphNode[];
  updateNodes: Array<{ before: GraphNode; after: GraphNode }>;
  deleteNodes: GraphNode[];
  createRels: GraphRelationship[];
  updateRels: Array<{ before: GraphRelationship; after: GraphRelationship }>;
  movedRels: Array<{ before: GraphRelationship; after: GraphRelationship }>;
  deleteRels: GraphRelationship[];
}

/**
 * `{key: source.key, …}` over every property key of the rows, for a CREATE
 * pattern: with the keys written out the planner streams the rows, where
 * `SET x = map` (or `+=`) makes it hold the whole batch behind an Eager first.
 * A row without one of the keys gives null there, which CREATE does not store.
 * `extra` adds entries (`_import: $import`).
 */
export function propertyPattern(rows: readonly Props[], source: string, extra: readonly string[] = []): string {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  const entries = [...keys].map((key) => {
    const name = '`' + key.replace(/`/g, '``') + '`';
    return `${name}: ${source}.${name}`;
  });
  return `{${[...entries, ...extra].join(', ')}}`;
}

/** The plan's writes in one transaction; `beforeRelationships` runs after the node writes (a staged import's switch). */
async function writeBatch(scope: WriteScope, plan: Plan, beforeRelationships?: () => Promise<void>): Promise<void> {
  const removedRels = [...plan.deleteRels, ...plan.movedRels.map((m) => m.before)];
  for (const [type, rels] of groupBy(removedRels, (r) => r.type)) {
    for (const part of chunks(rels)) {
      await scope.run(`UNWIND $ids AS id MATCH ()-[r:${assertType(type)} {id: id}]->() DELETE r`, { ids: part.map((r) => r.id) });
    }
  }
  for (const part of chunks(plan.deleteNodes)) {
    await scope.run('UNWIND $ids AS id MATCH (n:Node {id: id}) DETACH DELETE n', { ids: part.map((n) => n.id) });
  }
  for (const [label, nodes] of groupBy(plan.createNodes, (n) => n.label)) {
    for (const part of chunks(nodes)) {
      const rows = part.map(nodeToProps);
      await scope.run(`UNWIND $rows AS row CREATE (n:Node:${assertLabel(label)} ${propertyPattern(rows, 'row')})`, { rows });
    }
  }
  for (const part of chunks(plan.updateNodes)) {
    await scope.run('UNWIND $rows AS row MATCH (n:Node {id: row.id}) SET n = row', { rows: part.map((u) => nodeToProps(u.after)) });
  }
  await beforeRelationships?.();
  const newRels = [...plan.createRels, ...plan.movedRels.map((m) => m.after)];
  for (const [type, rels] of groupBy(newRels, (r) => r.type)) {
    for (const part of chunks(rels)) {
      const rows = part.map((r) => ({ from: r.from, to: r.to, props: relationshipToProps(r) }));
      await scope.run(
        `UNWIND $rows AS row MATCH (a:Node {id: row.from}) MATCH (b:Node {id: row.to}) CREATE (a)-[r:${assertType(type)} ${propertyPattern(rows.map((row) => row.props), 'row.props')}]->(b)`,
        { rows },
      );
    }
  }
  for (const [type, updates] of groupBy(plan.updateRels, (u) => u.after.type)) {
    for (const part of chunks(updates)) {
      await scope.run(`UNWIND $rows AS row MATCH ()-[r:${assertType(type)} {id: row.id}]->() SET r = row.props`, {
        rows: part.map((u) => ({ id: u.after.id, props: relationshipToProps(u.after) })),
      });
    }
  }

  for (const r of plan.deleteRels) scope.log('delete', 'relationship', r.id, r, null);
  for (const n of plan.deleteNodes) scope.log('delete', 'node', n.id, n, null);
  for (const n of plan.createNodes) scope.log('create', 'node', n.id, null, n);
  for (const u of plan.updateNodes) scope.log('update', 'node', u.after.id, u.before, u.after);
  for (const r of plan.createRels) scope.log('create', 'relationship', r.id, null, r);
  for (const u of [...plan.updateRels, ...plan.movedRels]) scope.log('update', 'relationship', u.after.id, u.before, u.after);
}

/** Change entries per (:_ChangeBatch) node, as change-log.ts writes them. */
const ENTRIES_PER_BATCH = 1_000;

/**
 * A large import, staged (see the top of this file): plan → stage nodes →
 * stage relationships → stage change entries → switch. Progress is reported
 * per staging batch through options.onProgress.
 */
async function stagedUpsert(store: ScopedWriter, valid: Validated, options: BulkOptions, ctx: WriteContext, now: string, rowsPerBatch: number): Promise<BulkReport> {
  const [meta] = await store.reader.run('MATCH (m:_Meta {key: $key}) RETURN m.revision AS revision, m.seq AS seq', { key: META_KEY });
  if (!meta) throw new Error('the Neo4j store was not initialised (no _Meta node): call init()');
  const base = { revision: meta.revision as number, seq: meta.seq as number };
  const planned = await planUpsert(store.reader, valid, options, now);
  if (planned.errors.length) return report(emptyCounts(), emptyCounts(), planned.errors, false, base.revision);
  const { nodeCounts, relCounts, plan } = planned;
  if (touchedBy(planned) === 0) return report(nodeCounts, relCounts, [], false, base.revision);

  const importId = randomUUID();
  const revision = base.revision + 1;
  const staged = new Set(plan.createNodes.map((n) => n.id));
  // Relationships touching a staged node are invisible until the switch, so they are staged too;
  // those between two existing nodes would show at once and wait for the switch.
  const stagedRels = plan.createRels.filter((r) => staged.has(r.from) || staged.has(r.to));
  const laterRels = plan.createRels.filter((r) => !staged.has(r.from) && !staged.has(r.to));
  const stagedEntries: ChangeEntry[] = [];
  const entry = (op: ChangeEntry['op'], entity: ChangeEntry['entity'], record: GraphNode | GraphRelationship): void => {
    const change: ChangeEntry = { seq: base.seq + stagedEntries.length + 1, revision, at: now, actor: ctx.actor, op, entity, id: record.id, before: null, after: record };
    if (ctx.via !== undefined) change.via = ctx.via;
    stagedEntries.push(change);
  };
  for (const n of plan.createNodes) entry('create', 'node', n);
  for (const r of stagedRels) entry('create', 'relationship', r);

  const total = plan.createNodes.length + stagedRels.length + stagedEntries.length;
  let done = 0;
  const progress = (stage: BulkProgress['stage'], rows: number) => {
    done += rows;
    options.onProgress?.({ stage, done, total, importId });
  };
  const ensure = (condition: boolean, what: string) => {
    if (!condition) throw new Error(`staged import ${importId}: ${what}`);
  };
  try {
    for (const part of chunks(plan.createNodes, rowsPerBatch)) {
      const rows = part.map((n) => ({ label: assertLabel(n.label), props: nodeToProps(n) }));
      const props = propertyPattern(rows.map((r) => r.props), 'row.props', ['_import: $import', '_label: row.label']);
      const [row] = await store.writeStatement(`UNWIND $rows AS row CREATE (n:_Staged ${props}) RETURN count(n) AS written`, { import: importId, rows });
      ensure(row.written === part.length, 'a node batch was not written whole');
      progress('nodes', part.length);
    }
    // Each end by an id index seek (hinted: every staged node shares the import id, so a seek on it would scan them all).
    const end = (id: string, name: 'a' | 'b') => {
      const field = name === 'a' ? 'from' : 'to';
      return staged.has(id)
        ? `MATCH (${name}:_Staged {id: row.${field}}) USING INDEX ${name}:_Staged(id) WHERE ${name}._import = $import`
        : `MATCH (${name}:Node {id: row.${field}}) USING INDEX ${name}:Node(id)`;
    };
    for (const [key, rels] of groupBy(stagedRels, (r) => `${r.type}|${staged.has(r.from)}|${staged.has(r.to)}`)) {
      const [type] = key.split('|');
      for (const part of chunks(rels, rowsPerBatch)) {
        const rows = part.map((r) => ({ from: r.from, to: r.to, props: relationshipToProps(r) }));
        const props = propertyPattern(rows.map((r) => r.props), 'row.props');
        const [row] = await store.writeStatement(
          `UNWIND $rows AS row ${end(part[0].from, 'a')} ${end(part[0].to, 'b')} CREATE (a)-[r:${assertType(type)} ${props}]->(b) RETURN count(r) AS written`,
          { import: importId, rows },
        );
        // An end deleted meanwhile (a concurrent write) leaves a row unmatched: fail, never a partial import.
        ensure(row.written === part.length, 'a relationship end is gone (the store changed during the import)');
        progress('relationships', part.length);
      }
    }
    const batches = chunks(stagedEntries, ENTRIES_PER_BATCH);
    for (const group of chunks(batches, Math.max(1, Math.floor(rowsPerBatch / ENTRIES_PER_BATCH)))) {
      await store.writeStatement('UNWIND $rows AS row CREATE (b:_StagedChangeBatch) SET b = row, b._import = $import', {
        import: importId,
        rows: group.map((part) => ({
          seq: int(part[0].seq),
          lastSeq: int(part[part.length - 1].seq),
          revision: int(revision),
          at: now,
          ids: part.map((c) => c.id),
          entries: JSON.stringify(part),
        })),
      });
      progress('log', group.reduce((sum, part) => sum + part.length, 0));
    }

    // The switch: one transaction under the write lock.
    const result = await store.write(
      ctx,
      async (scope) => {
        await writeBatch(scope, { ...plan, createNodes: [], createRels: laterRels }, async () => {
          for (const label of new Set(plan.createNodes.map((n) => n.label))) {
            await scope.run(`MATCH (n:_Staged) WHERE n._import = $import AND n._label = $label SET n:Node:${assertLabel(label)} REMOVE n:_Staged, n._import, n._label`, { import: importId, label });
          }
          const [moved] = await scope.run('MATCH (n:_Staged) WHERE n._import = $import RETURN count(n) AS left', { import: importId });
          ensure(moved.left === 0, 'staged nodes left after the switch');
        });
        await scope.run('MATCH (b:_StagedChangeBatch {_import: $import}) SET b:_ChangeBatch REMOVE b:_StagedChangeBatch, b._import', { import: importId });
        return report(nodeCounts, relCounts, [], false, scope.revision);
      },
      { expect: base, reservedSeqs: stagedEntries.length },
    );
    progress('switch', 0);
    return result;
  } catch (error) {
    // The original error is the one to report; what a failed clean-up leaves is invisible to reads.
    await dropStaged(store, importId).catch(() => undefined);
    throw error;
  }
}

/** Deletes what a staged import wrote, in batches (a failed import leaves no trace). */
export async function dropStaged(store: Pick<ScopedWriter, 'writeStatement'>, importId: string): Promise<void> {
  for (;;) {
    const [row] = await store.writeStatement('MATCH (n:_Staged) WHERE n._import = $import WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted', { import: importId });
    if ((row.deleted as number) === 0) break;
  }
  await store.writeStatement('MATCH (b:_StagedChangeBatch) WHERE b._import = $import DELETE b', { import: importId });
}
