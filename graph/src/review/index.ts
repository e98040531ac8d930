// The review queue (issue 16.3): model, the two persistences, decisions.
export * from './model.ts';
export * from './file-queue.ts';
export * from './neo4j-queue.ts';
export * from './decide.ts';
