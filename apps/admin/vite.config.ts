import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// The editors' workspace: a single-page app the admin server serves under /admin with a strict
// CSP (script-src 'self'; style-src 'self'), so the build must emit no inline script or style.
export default defineConfig({
  root: fileURLToPath(new URL('./web/', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  resolve: { conditions: ['@leshan/source', ...defaultClientConditions] },
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    // No data: URIs for assets either: everything is a file the CSP's 'self' covers.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5174,
    proxy: { '/api': 'http://127.0.0.1:4100' },
  },
});
