export * from './roles.ts';
export { FileTokenStore, type TokenInfo, type TokenRecord, type NewToken } from './token-store.ts';
export { authenticate, requireRole, guardRead, principalOf } from './middleware.ts';
export * from './personal-data.ts';
