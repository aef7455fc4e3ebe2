import { defineConfig } from 'tsup';

// ESM only (a private package for the apps). The entries match the `exports` map: the framework-free
// core, and the express adapter, which only the servers import.
export default defineConfig({
  entry: ['src/index.ts', 'src/express.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
