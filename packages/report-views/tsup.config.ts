import { defineConfig } from 'tsup';

// ESM only (a private package for the apps): the one entry of the `exports` map that is code.
// The stylesheet is shipped as source (`./styles.css`); Vite bundles it into each app's CSS.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
});
