import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Modules that exist only in Node. Vite would "externalize" them with a
// warning and the page would fail at run time; the build fails instead, naming
// the importer, so server-only code (node:fs in the import codecs…) never
// slips into the bundle. (`events` is left out: graphology uses the npm package.)
const NODE_ONLY = /^(node:.*|fs|fs\/promises|path|os|child_process|worker_threads|net|http|https|zlib|stream|crypto|module|url)$/;

function noNodeBuiltins(): Plugin {
  return {
    name: 'atlas:no-node-builtins',
    enforce: 'pre',
    apply: 'build',
    resolveId(id, importer) {
      if (NODE_ONLY.test(id)) this.error(`${importer ?? '(entry)'} imports the Node built-in "${id}": the web bundle must import only browser-safe modules`);
      return null;
    },
  };
}

// `npm run dev` serves the app with Vite and forwards /api to a running API
// server (ATLAS_API, default http://127.0.0.1:3000). `vite build` writes
// web/dist, which the API server serves at / (and /embed).
export default defineConfig({
  plugins: [noNodeBuiltins(), react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: process.env.ATLAS_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  worker: { format: 'es', plugins: () => [noNodeBuiltins()] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
});
