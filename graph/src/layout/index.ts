// Public API of the layout engine.
export * from './forceatlas2.ts';
export * from './initial.ts';
export * from './normalise.ts';
export * from './quality.ts';
export * from './run.ts';
export * from './views.ts';
export * from './service.ts';
