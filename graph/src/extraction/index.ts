// Document → graph suggestions (issue 16): text extraction, matching, evaluation.
export * from './text.ts';
export * from './extract.ts';
export * from './match.ts';
export * from './evaluate.ts';
export * from './topics.ts';
