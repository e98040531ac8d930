export * from './errors.ts';
export * from './model/vocabulary.ts';
export * from './model/schemas.ts';
export * from './model/dates.ts';
export * from './model/text.ts';
export * from './model/identity.ts';
export * from './store/port.ts';
export * from './store/records.ts';
