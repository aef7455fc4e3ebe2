// Rewrites package.json "exports", publishConfig.exports (and the legacy main/types fields) from
// scripts/entrypoints.ts, so adding an entry point is one line there plus `tsx scripts/write-exports.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliEntry, exportsMap, publishedExportsMap } from './entrypoints.js';

const file = fileURLToPath(new URL('../package.json', import.meta.url));
const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

// Old resolvers (bundlers without exports support) read these; they point at the root entry.
// node10 resolution is not supported (README): it cannot reach the subpaths.
pkg['main'] = './dist/index.mjs';
pkg['types'] = './dist/index.d.mts';
pkg['bin'] = { 'report-core': `./dist/${cliEntry.name}.mjs` };
pkg['exports'] = exportsMap();
pkg['publishConfig'] = {
  ...(pkg['publishConfig'] as object | undefined),
  exports: publishedExportsMap(),
};

writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
process.stdout.write(`wrote exports of ${String(pkg['name'])} to ${file}\n`);
