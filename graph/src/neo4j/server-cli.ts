import path from 'node:path';
import { startLocalNeo4j } from './local-server.ts';

// `npm run neo4j`: a local Neo4j 5 for development, data kept in ./.neo4j.
// Options: --port <n> (default 7687, or NEO4J_PORT), --home <dir>; NEO4J_HEAP (default 2g).

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const port = Number(option('port') ?? process.env.NEO4J_PORT ?? 7687);
const homeDir = path.resolve(option('home') ?? '.neo4j');

console.log(`Starting Neo4j 5 (community) on 127.0.0.1:${port || '(a free port)'}, data in ${homeDir} …`);
try {
  const server = await startLocalNeo4j({ port, homeDir, heap: process.env.NEO4J_HEAP ?? '2g' });
  console.log(`Neo4j is ready at ${server.uri} (started in ${(server.startupMs / 1000).toFixed(1)} s, auth disabled).`);
  console.log('Point the atlas at it with:');
  console.log(`  NEO4J_URI=${server.uri} npm start`);
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Neo4j …');
    await server.stop();
    console.log('Neo4j stopped.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
