import { defineConfig } from 'tsup';

// The server, its settings (imported by the start script) and the static-site CLI, as JavaScript
// for `node` (no tsx at run time). ESM only; dependencies stay external, resolved from
// node_modules. `vite build` then writes the browser files into dist/client.
export default defineConfig({
  entry: {
    server: 'src/server/index.ts',
    env: 'src/env.ts',
    'static-cli': 'src/static/cli.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  // Loaded by `pnpm dev` only (src/server/dev-ui.ts), never by the built server.
  external: ['@leshan/dev-server'],
});
