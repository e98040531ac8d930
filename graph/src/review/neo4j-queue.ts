import neo4j, { type Driver } from 'neo4j-driver';
import type { ReviewFilter, ReviewItem, ReviewQueue } from './model.ts';

// The queue on Neo4j: one `_Suggestion` node per item (id, status, batch,
// origin, source title/url, createdAt, and the whole item as JSON). The graph
// views only read `:Node`, so pending items never appear in them.

export interface Neo4jQueueOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

export class Neo4jReviewQueue implements ReviewQueue {
  private readonly driver: Driver;
  private readonly database?: string;

  constructor(options: Neo4jQueueOptions) {
    const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, { disableLosslessIntegers: true, userAgent: 'ecosystem-atlas-review' });
    this.database = options.database;
  }

  private run(query: string, params: Record<string, unknown> = {}) {
    return this.driver.executeQuery(query, params, { database: this.database });
  }

  async init(): Promise<void> {
    await this.run('CREATE CONSTRAINT atlas_suggestion_id IF NOT EXISTS FOR (s:_Suggestion) REQUIRE s.id IS UNIQUE');
    await this.run('CREATE INDEX atlas_suggestion_status IF NOT EXISTS FOR (s:_Suggestion) ON (s.status)');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private props(item: ReviewItem) {
    return { id: item.id, status: item.status, batch: item.batch, origin: item.origin, title: item.source.title, url: item.source.url ?? '', createdAt: item.createdAt, json: JSON.stringify(item) };
  }

  async add(items: ReviewItem[]): Promise<void> {
    if (!items.length) return;
    await this.run('UNWIND $rows AS row CREATE (s:_Suggestion) SET s = row', { rows: items.map((i) => this.props(i)) });
  }

  async get(id: string): Promise<ReviewItem | undefined> {
    const r = await this.run('MATCH (s:_Suggestion {id: $id}) RETURN s.json AS json', { id });
    const json = r.records[0]?.get('json') as string | undefined;
    return json ? (JSON.parse(json) as ReviewItem) : undefined;
  }

  async list(filter: ReviewFilter = {}): Promise<ReviewItem[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: neo4j.int(filter.limit ?? 1000) };
    if (filter.status?.length) {
      where.push('s.status IN $status');
      params.status = filter.status;
    }
    if (filter.origin) {
      where.push('s.origin = $origin');
      params.origin = filter.origin;
    }
    if (filter.batch) {
      where.push('s.batch = $batch');
      params.batch = filter.batch;
    }
    if (filter.source) {
      where.push('(toLower(s.title) CONTAINS $source OR toLower(s.url) CONTAINS $source)');
      params.source = filter.source.toLowerCase();
    }
    const r = await this.run(`MATCH (s:_Suggestion) ${where.length ? `WHERE ${where.join(' AND ')}` : ''} RETURN s.json AS json ORDER BY s.createdAt, s.id LIMIT $limit`, params);
    return r.records.map((rec) => JSON.parse(rec.get('json') as string) as ReviewItem);
  }

  async save(item: ReviewItem): Promise<void> {
    await this.run('MERGE (s:_Suggestion {id: $id}) SET s = $row', { id: item.id, row: this.props(item) });
  }
}
