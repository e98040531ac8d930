import { EmbeddedStore } from './embedded/index.ts';
import { Neo4jStore } from './neo4j/index.ts';
import type { GraphStore } from './port.ts';

// Picks the store from the environment: NEO4J_URI set → Neo4j, otherwise the
// embedded store in DATA_DIR (default ./data). Call init() on the result.

export interface StoreEnv {
  NEO4J_URI?: string;
  NEO4J_USER?: string;
  NEO4J_PASSWORD?: string;
  NEO4J_DATABASE?: string;
  DATA_DIR?: string;
}

export interface OpenStoreOptions {
  /** Time budget of one Neo4j read query. */
  queryTimeoutMs?: number;
  /** Where the embedded store reports a dropped torn journal line and similar warnings. */
  logger?: { warn(msg: string): void };
}

export function openStore(env: StoreEnv, options: OpenStoreOptions = {}): GraphStore {
  if (env.NEO4J_URI) {
    return new Neo4jStore({
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER || undefined,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE || undefined,
      queryTimeoutMs: options.queryTimeoutMs,
    });
  }
  return new EmbeddedStore({ dataDir: env.DATA_DIR || './data', logger: options.logger });
}
