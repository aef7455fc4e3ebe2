// Rewrites package.json "exports" (and the legacy main/module/types fields) from
// scripts/entrypoints.ts, so adding an entry point is one line there plus `tsx scripts/write-exports.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliEntry, exportsMap } from './entrypoints.js';

const file = fileURLToPath(new URL('../package.json', import.meta.url));
const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

// Old resolvers (node10, bundlers without exports support) read these; they point at the root entry.
pkg['main'] = './dist/index.cjs';
pkg['module'] = './dist/index.mjs';
pkg['types'] = './dist/index.d.cts';
pkg['bin'] = { 'report-core': `./dist/${cliEntry.name}.mjs` };
pkg['exports'] = exportsMap();

writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
process.stdout.write(`wrote exports of ${String(pkg['name'])} to ${file}\n`);
