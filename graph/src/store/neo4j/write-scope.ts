import type { ManagedTransaction } from 'neo4j-driver';
import type { ChangeEntry, WriteContext } from '../port.ts';
import type { CypherRunner } from './cypher.ts';

/** What a write transaction gets: its statements, the new revision, its timestamp and the change log. */
export interface WriteScope extends CypherRunner {
  tx: ManagedTransaction;
  revision: number;
  now: string;
  ctx: WriteContext;
  log(op: ChangeEntry['op'], entity: ChangeEntry['entity'], id: string, before: ChangeEntry['before'], after: ChangeEntry['after']): void;
}

/** Runs work in one write transaction (the Neo4j store; bulk.ts needs only this, not the store). */
export interface ScopedWriter {
  write<T>(ctx: WriteContext, work: (scope: WriteScope) => Promise<T>): Promise<T>;
}

/** Thrown inside a write transaction to roll it back and still return a value (dry runs, rejected batches, no-ops). */
export class Rollback<T> {
  constructor(readonly value: T) {}
}
