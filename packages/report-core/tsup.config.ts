import type { Options } from 'tsup';
import { defineConfig } from 'tsup';
import { cliEntry, codeEntries, tsupEntries } from './scripts/entrypoints.js';

// ESM only: Node ≥ 20.19 (the engines range) loads it from `require` too (require(esm)), so every
// consumer shares one instance of each schema. Two builds: the library (neutral, for browsers too)
// and the CLI (Node), which imports the library's own entry files instead of bundling a second
// copy. No source maps: the package ships no sources for them to point at. `pnpm build` empties
// dist first (tsup runs the configs in parallel, so letting each clean would race).

const LIBRARY_ENTRY = new RegExp(
  `^\\.\\./(${codeEntries
    .filter((e) => e.subpath !== '.')
    .map((e) => e.name)
    .join('|')})/index\\.js$`,
);

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/** In the CLI, `../model/index.js` becomes the library's `./model.mjs`, left external. */
const libraryAsExternal: Plugin = {
  name: 'library-as-external',
  setup(build) {
    build.onResolve({ filter: LIBRARY_ENTRY }, (args) => {
      const name = LIBRARY_ENTRY.exec(args.path)?.[1] ?? '';
      return { path: `./${name}.mjs`, external: true };
    });
  },
};

export default defineConfig([
  {
    entry: tsupEntries(),
    format: ['esm'],
    // neutral: the library must run in browsers too, so a node: import fails the build.
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: false,
    splitting: true,
    treeshake: true,
    clean: false,
    outExtension: () => ({ js: '.mjs', dts: '.d.mts' }),
    // Text files (the source copy) are embedded as strings, JSON (the canonical report) as objects.
    loader: { '.txt': 'text', '.json': 'json' },
  },
  {
    entry: { [cliEntry.name]: cliEntry.source },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    sourcemap: false,
    splitting: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    outExtension: () => ({ js: '.mjs' }),
    esbuildPlugins: [libraryAsExternal],
  },
]);
