// Levels (local / regional / national / international) inferred where data has none.
export * from './rules.ts';
export * from './infer.ts';
