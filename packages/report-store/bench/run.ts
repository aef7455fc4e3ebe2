import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './harness.js';

// Every bench/*.bench.ts exports `bench(): Promise<BenchRow[]>`; this prints them as one table.
const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const only = process.argv[2];
for (const file of files) {
  if (only !== undefined && !file.startsWith(only)) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    bench: () => Promise<BenchRow[]>;
  };
  for (const row of await mod.bench())
    console.log(`${row.name.padEnd(56)} ${row.value.toFixed(2).padStart(10)} ${row.unit}`);
}
