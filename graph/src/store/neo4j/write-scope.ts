import type { ManagedTransaction } from 'neo4j-driver';
import type { ChangeEntry, WriteContext } from '../port.ts';
import type { CypherRunner, Row } from './cypher.ts';

/** What a write transaction gets: its statements, the new revision, its timestamp and the change log. */
export interface WriteScope extends CypherRunner {
  tx: ManagedTransaction;
  revision: number;
  now: string;
  ctx: WriteContext;
  log(op: ChangeEntry['op'], entity: ChangeEntry['entity'], id: string, before: ChangeEntry['before'], after: ChangeEntry['after']): void;
}

export interface WriteOptions {
  /**
   * Optimistic check for staged imports: the store must still be at this
   * revision and change-log seq (nobody wrote since the import was planned),
   * else ConflictError and nothing is written.
   */
  expect?: { revision: number; seq: number };
  /** Change-log seqs already used by entries written before this transaction (staged entries). */
  reservedSeqs?: number;
}

/** What bulk.ts needs of the Neo4j store (not the store itself). */
export interface ScopedWriter {
  /** Runs work in one write transaction that bumps the revision and logs its changes. */
  write<T>(ctx: WriteContext, work: (scope: WriteScope) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Reads outside any write transaction (planning a staged import). */
  readonly reader: CypherRunner;
  /** One statement in its own write transaction, revision untouched (staging batches and their clean-up). */
  writeStatement(query: string, params?: Row): Promise<Row[]>;
}

/** Thrown inside a write transaction to roll it back and still return a value (dry runs, rejected batches, no-ops). */
export class Rollback<T> {
  constructor(readonly value: T) {}
}
