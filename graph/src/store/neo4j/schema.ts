import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../model/vocabulary.ts';

// Constraints and indexes, created at init when missing (by name, so a warm
// database costs one SHOW query), then the single (:_Meta) counter node.

export const META_KEY = 'atlas';
export const SEARCH_INDEX = 'atlas_node_search';

interface SchemaItem {
  name: string;
  create: string;
  /** Used when the server refuses `create` (e.g. an edition without relationship uniqueness constraints). */
  fallback?: string;
}

function schemaItems(): SchemaItem[] {
  const items: SchemaItem[] = [{ name: 'atlas_node_id', create: 'FOR (n:Node) REQUIRE n.id IS UNIQUE' }];
  for (const label of NODE_LABELS) items.push({ name: `atlas_${label.toLowerCase()}_id`, create: `FOR (n:${label}) REQUIRE n.id IS UNIQUE` });
  for (const prop of ['label', 'kind', 'level']) items.push({ name: `atlas_node_${prop}`, create: `FOR (n:Node) ON (n.${prop})` });
  // Relationship ids: a uniqueness constraint per type (Neo4j ≥ 5.7), else a RANGE
  // index; uniqueness across types is checked in the write transaction anyway.
  for (const type of RELATIONSHIP_TYPES) {
    items.push({ name: `atlas_rel_${type.toLowerCase()}_id`, create: `FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`, fallback: `FOR ()-[r:${type}]-() ON (r.id)` });
  }
  items.push(
    {
      name: SEARCH_INDEX,
      create: `FOR (n:Node) ON EACH [n._name, n._aliases, n._tags, n._description]
        OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-no-stop-words', \`fulltext.eventually_consistent\`: false}}`,
    },
    { name: 'atlas_meta_key', create: 'FOR (m:_Meta) REQUIRE m.key IS UNIQUE' },
    { name: 'atlas_change_seq', create: 'FOR (c:_Change) REQUIRE c.seq IS UNIQUE' },
    { name: 'atlas_change_id', create: 'FOR (c:_Change) ON (c.id)' },
    { name: 'atlas_change_at', create: 'FOR (c:_Change) ON (c.at)' },
    { name: 'atlas_change_revision', create: 'FOR (c:_Change) ON (c.revision)' },
    { name: 'atlas_change_batch_revision', create: 'FOR (c:_ChangeBatch) ON (c.revision)' },
    { name: 'atlas_change_batch_last_seq', create: 'FOR (c:_ChangeBatch) ON (c.lastSeq)' },
    { name: 'atlas_change_batch_at', create: 'FOR (c:_ChangeBatch) ON (c.at)' },
    // Staged imports (bulk.ts): nodes waiting for their import's final switch, found by id.
    { name: 'atlas_staged_id', create: 'FOR (n:_Staged) ON (n.id)' },
  );
  return items;
}

function statement(name: string, body: string): string {
  const kind = body.includes('REQUIRE') ? 'CONSTRAINT' : body.includes('ON EACH') ? 'FULLTEXT INDEX' : 'INDEX';
  return `CREATE ${kind} ${name} IF NOT EXISTS ${body}`;
}

export async function ensureSchema(run: (query: string) => Promise<Array<Record<string, unknown>>>): Promise<void> {
  const [row] = await run('SHOW INDEXES YIELD name RETURN collect(name) AS names');
  const existing = new Set(row?.names as string[]);
  const missing = schemaItems().filter((item) => !existing.has(item.name));
  for (const item of missing) {
    try {
      await run(statement(item.name, item.create));
    } catch (error) {
      if (!item.fallback) throw error;
      await run(statement(item.name, item.fallback));
    }
  }
  if (missing.length) await run('CALL db.awaitIndexes(300)');
  await run(`MERGE (m:_Meta {key: '${META_KEY}'}) ON CREATE SET m.revision = 0, m.seq = 0`);
}
