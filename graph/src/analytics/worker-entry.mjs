// Worker bootstrap in plain JS: registers tsx's loader in this thread, then
// loads the TypeScript worker. (On Node 20, `execArgv: ['--import', 'tsx']`
// does not apply the loader to a worker's entry file: "Unknown file extension
// .ts" — under tsx and under vitest alike.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
