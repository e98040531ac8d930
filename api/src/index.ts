export { createApp, type AppDeps } from './app.ts';
export { loadConfig, testConfig, type Config } from './config.ts';
