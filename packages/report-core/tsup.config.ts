import { defineConfig } from 'tsup';
import { cliEntry, tsupEntries } from './scripts/entrypoints.js';

// Two builds: the library (ESM + CJS, each with its own .d.mts/.d.cts) and the CLI (ESM only,
// Node only). `pnpm build` empties dist first: tsup runs the configs in parallel, so letting
// each clean would race.
export default defineConfig([
  {
    entry: tsupEntries(),
    format: ['esm', 'cjs'],
    // neutral: the library must run in browsers too, so a node: import fails the build.
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    // CJS splitting keeps one copy of each schema across subpaths, as ESM has.
    splitting: true,
    treeshake: true,
    clean: false,
    outExtension: ({ format }) =>
      format === 'cjs' ? { js: '.cjs', dts: '.d.cts' } : { js: '.mjs', dts: '.d.mts' },
    // Text files (the source copy) are embedded as strings, JSON (the canonical report) as objects.
    loader: { '.txt': 'text', '.json': 'json' },
  },
  {
    entry: { [cliEntry.name]: cliEntry.source },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    sourcemap: true,
    splitting: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    outExtension: () => ({ js: '.mjs' }),
    loader: { '.txt': 'text', '.json': 'json' },
  },
]);
