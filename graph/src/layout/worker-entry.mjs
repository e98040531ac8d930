// Worker bootstrap in plain JS (see analytics/worker-entry.mjs for why): tsx's
// loader is registered in this thread, then the TypeScript worker is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
