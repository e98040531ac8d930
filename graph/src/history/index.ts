export * from './diff.ts';
