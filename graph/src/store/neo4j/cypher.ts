import neo4j from 'neo4j-driver';
import { AtlasError, ConflictError, TimeoutError, ValidationError } from '../../errors.ts';
import { isIsoDay } from '../../model/dates.ts';
import { foldText } from '../../model/text.ts';
import { LEVELS, NODE_LABELS, RELATIONSHIP_TYPES } from '../../model/vocabulary.ts';
import { REL_RETURN, assertType } from './codec.ts';

// Small Cypher building blocks shared by the Neo4j adapter's queries. Values
// always travel as parameters; only whitelisted labels/types and integers we
// checked ourselves are ever written into query text.

export type Row = Record<string, unknown>;

/** Something that runs one Cypher statement: a read through the driver or a statement inside a write transaction. */
export interface CypherRunner {
  run(query: string, params?: Row): Promise<Row[]>;
}

export const MAX_PAGE = 1000;
/** Upper bound on rows for reads that have no natural page (relationshipsOf, getNodes…). */
export const MAX_ROWS = 50_000;
/** Rows per UNWIND statement in bulk writes. */
export const BATCH_ROWS = 10_000;

/** Integers sent to Cypher where it insists on INTEGER (LIMIT, SKIP, seq). */
export const int = (value: number) => neo4j.int(value);

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ValidationError(`limit must be an integer between 1 and ${MAX_PAGE}`, [{ path: 'limit', message: `must be 1..${MAX_PAGE}` }]);
  }
  return limit;
}

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends string | number>(cursor: string | undefined, kind: 'string' | 'number'): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === kind) return value as T;
  } catch {
    // fall through
  }
  throw new ValidationError('cursor is not one this store handed out', [{ path: 'cursor', message: 'invalid cursor' }]);
}

export function checkAt(at: string | undefined): string | undefined {
  if (at === undefined || at === '') return undefined;
  const day = at.slice(0, 10);
  if (!isIsoDay(day)) throw new ValidationError('at must be a date written YYYY-MM-DD', [{ path: 'at', message: 'must be YYYY-MM-DD' }]);
  return day;
}

function checkList(path: string, values: readonly string[] | undefined, allowed: readonly string[]): void {
  for (const value of values ?? []) {
    if (!allowed.includes(value)) throw new ValidationError(`${path} has an unknown value "${value}"`, [{ path, message: `"${value}" is not one of ${allowed.join(', ')}` }]);
  }
}

/** Cypher `A|B|…` for relationship types, after checking each against the whitelist. */
export function typesPattern(types: readonly string[] | undefined): string {
  checkList('types', types, RELATIONSHIP_TYPES);
  return (types?.length ? types : RELATIONSHIP_TYPES).join('|');
}

/** `valid on day $at` for a node or relationship variable. */
export function validAt(v: string, atParam = '$at'): string {
  return `(${v}.validFrom IS NULL OR ${v}.validFrom <= ${atParam}) AND (${v}.validTo IS NULL OR ${v}.validTo >= ${atParam})`;
}

export interface NodeConditions {
  labels?: readonly string[];
  kinds?: readonly string[];
  levels?: readonly string[];
  topics?: readonly string[];
  q?: string;
  at?: string;
}

/** WHERE conditions on node variable `v`; adds the parameters it needs (prefixed) to `params`. */
export function nodeConditions(v: string, filter: NodeConditions, params: Row, prefix = 'f'): string[] {
  checkList('labels', filter.labels, NODE_LABELS);
  checkList('levels', filter.levels, LEVELS);
  const where: string[] = [];
  if (filter.labels?.length) {
    params[`${prefix}Labels`] = filter.labels;
    where.push(`${v}.label IN $${prefix}Labels`);
  }
  if (filter.kinds?.length) {
    params[`${prefix}Kinds`] = filter.kinds;
    where.push(`${v}.kind IN $${prefix}Kinds`);
  }
  if (filter.levels?.length) {
    params[`${prefix}Levels`] = filter.levels;
    where.push(`${v}.level IN $${prefix}Levels`);
  }
  if (filter.topics?.length) {
    params[`${prefix}Topics`] = filter.topics;
    where.push(`(${v}.id IN $${prefix}Topics OR EXISTS { (${v})-[:ABOUT|WORKS_ON]->(t:Node) WHERE t.id IN $${prefix}Topics })`);
  }
  const q = filter.q === undefined ? '' : foldText(filter.q).trim();
  if (q) {
    params[`${prefix}Q`] = q;
    where.push(`(${v}._name CONTAINS $${prefix}Q OR ${v}._aliases CONTAINS $${prefix}Q)`);
  }
  const at = checkAt(filter.at);
  if (at) {
    params[`${prefix}At`] = at;
    where.push(validAt(v, `$${prefix}At`));
  }
  return where;
}

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/**
 * Relationships by id whatever their type: each type has its own RANGE index
 * on `id` (Neo4j cannot index a property across types), so one multi-value
 * index seek per type, all in one statement. `idsParam` is a list parameter.
 */
export function relationshipsByIdQuery(idsParam: string, types: readonly string[] = RELATIONSHIP_TYPES): string {
  // Both ends :Node — a relationship of an import still being staged is not there yet (bulk.ts).
  const branches = types.map(assertType).map((type) => `MATCH (:Node)-[r:${type}]->(:Node) WHERE r.id IN ${idsParam} RETURN r`).join(' UNION ALL ');
  return `CALL () { ${branches} } RETURN ${REL_RETURN('r')} AS rel`;
}

/** The relationship types that have at least one relationship (from the count store: no scan). */
export async function typesInUse(runner: CypherRunner): Promise<string[]> {
  const query = RELATIONSHIP_TYPES.map((type) => `MATCH ()-[r:${type}]->() RETURN '${type}' AS type, count(r) AS n`).join(' UNION ALL ');
  return (await runner.run(query)).filter((row) => (row.n as number) > 0).map((row) => row.type as string);
}

export function chunks<T>(items: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const TIMEOUT_CODES = [
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
  'Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration',
];

/** Driver/server errors → the product's errors (timeouts, constraint races); the rest pass through. */
export function translateError(error: unknown): unknown {
  if (error instanceof AtlasError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (TIMEOUT_CODES.includes(code) || /TimedOut/.test(code)) return new TimeoutError();
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(`the write conflicts with an existing element: ${(error as Error).message}`);
  }
  return error;
}
