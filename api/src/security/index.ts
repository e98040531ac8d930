export { securityHeaders } from './headers.ts';
export { corsPolicy } from './cors.ts';
export { requestRateLimit, authFailureRateLimit } from './rate-limit.ts';
export { timeBudget, budgetFor, type TimeBudgets } from './time-budget.ts';
