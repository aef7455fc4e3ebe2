// tsup runs its declaration build in a worker that cannot receive the outExtension function,
// so in a "type": "module" package the ESM declarations come out as .d.ts importing './x.js'.
// This renames them to .d.mts importing './x.mjs', matching the .mjs files and the exports map.
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
// Relative specifiers only: 'zod' and other packages stay as they are.
const RELATIVE_JS = /((?:from|import)\s*['"])(\.\.?\/[^'"]+)\.js(['"])/g;

let count = 0;
for (const name of readdirSync(dist)) {
  if (!name.endsWith('.d.ts')) continue;
  const from = join(dist, name);
  const text = readFileSync(from, 'utf8').replace(RELATIVE_JS, '$1$2.mjs$3');
  writeFileSync(from, text);
  renameSync(from, join(dist, name.replace(/\.d\.ts$/, '.d.mts')));
  count += 1;
}
process.stdout.write(`renamed ${count} ESM declaration files to .d.mts\n`);
