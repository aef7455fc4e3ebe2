import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// The browser bundle only: islands hydrated on top of server-rendered HTML. The server reads
// dist/client/.vite/manifest.json to link the entry script and the stylesheet.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@leshan/source', ...defaultClientConditions] },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    assetsDir: 'assets',
    rollupOptions: { input: { main: 'src/client/main.ts' } },
  },
});
