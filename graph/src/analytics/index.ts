// Public API of the analytics engine.
export * from './csr.ts';
export * from './projection.ts';
export * from './rng.ts';
export * from './kernels/cost.ts';
export * from './kernels/degree.ts';
export * from './kernels/pagerank.ts';
export * from './kernels/eigenvector.ts';
export * from './kernels/closeness.ts';
export * from './kernels/betweenness.ts';
export * from './kernels/louvain.ts';
export * from './kernels/components.ts';
export * from './kernels/paths.ts';
export * from './synthetic.ts';
export { CENTRALITY_MEASURES, type CentralityMeasure } from './jobs.ts';
export * from './service.ts';
