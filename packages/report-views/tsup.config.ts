import { defineConfig } from 'tsup';

// ESM only (a private package for the apps): the entries of the `exports` map that are code.
// The stylesheet is shipped as source (`./styles.css`); Vite bundles it into each app's CSS.
export default defineConfig({
  entry: { index: 'src/index.ts', targets: 'src/targets/index.ts' },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
});
