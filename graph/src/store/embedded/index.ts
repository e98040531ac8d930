export { EmbeddedStore, type EmbeddedStoreOptions } from './embedded-store.ts';
export { CorruptJournalError } from './recovery.ts';
