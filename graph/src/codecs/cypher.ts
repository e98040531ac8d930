import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import { assertLabel, assertType, nodeToProps, relationshipToProps } from '../store/neo4j/codec.ts';

// A Cypher script that recreates the graph in an empty Neo4j 5 database in the
// layout the Neo4j store uses (`:Node:<Label>` nodes, nested values as JSON
// strings, the `_` search copies), so `NEO4J_URI=… npm start` can open it.
// Parameter-free: every value is an escaped literal; labels and types pass
// the vocabulary whitelist of the Neo4j codec.

const STATEMENT_BATCH = 500;

/** A Cypher string literal: backslash escapes for quotes, backslashes and control characters. */
export function cypherString(value: string): string {
  let out = "'";
  for (const ch of value) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case "'":
        out += "\\'";
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default: {
        const code = ch.codePointAt(0)!;
        out += code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
      }
    }
  }
  return `${out}'`;
}

/** A map key: plain when it is an identifier, else in backticks (doubled inside). */
export function cypherKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key.replace(/`/g, '``')}\``;
}

export function cypherValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return `[${value.map(cypherString).join(', ')}]`;
  return cypherString(JSON.stringify(value));
}

function propertyMap(props: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(props)) if (value !== undefined) parts.push(`${cypherKey(key)}: ${cypherValue(value)}`);
  return `{${parts.join(', ')}}`;
}

export const CYPHER_HEADER =
  '// Ecosystem atlas export: run in an empty Neo4j 5 database (cypher-shell -f atlas.cypher).\n' +
  'CREATE CONSTRAINT atlas_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return groups;
}

/** `UNWIND [...] AS row CREATE (n:Node:Label) SET n = row;` statements, one per label and batch. */
export function cypherNodeStatements(nodes: GraphNode[]): string {
  let out = '';
  for (const [label, list] of groupBy(nodes, (n) => assertLabel(n.label))) {
    for (let i = 0; i < list.length; i += STATEMENT_BATCH) {
      const rows = list.slice(i, i + STATEMENT_BATCH).map((n) => propertyMap(nodeToProps(n)));
      out += `UNWIND [\n${rows.join(',\n')}\n] AS row CREATE (n:Node:${label}) SET n = row;\n`;
    }
  }
  return out;
}

export function cypherRelationshipStatements(relationships: GraphRelationship[]): string {
  let out = '';
  for (const [type, list] of groupBy(relationships, (r) => assertType(r.type))) {
    for (let i = 0; i < list.length; i += STATEMENT_BATCH) {
      const rows = list
        .slice(i, i + STATEMENT_BATCH)
        .map((r) => `{from: ${cypherString(r.from)}, to: ${cypherString(r.to)}, props: ${propertyMap(relationshipToProps(r))}}`);
      out +=
        `UNWIND [\n${rows.join(',\n')}\n] AS row ` +
        `MATCH (a:Node {id: row.from}) MATCH (b:Node {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props;\n`;
    }
  }
  return out;
}
