import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the app with Vite and forwards /api to a running API
// server (ATLAS_API, default http://127.0.0.1:3000). `vite build` writes
// web/dist, which the API server serves at / (and /embed).
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: process.env.ATLAS_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
});
