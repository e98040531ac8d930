export * from './knowledge.ts';
export * from './profiles.ts';
export * from './peers.ts';
export * from './speakers.ts';
export * from './collaborators.ts';
