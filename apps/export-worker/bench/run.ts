import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './harness.js';

// Every bench/*.bench.ts exports `bench(): Promise<BenchRow[]>`; this prints them all as one table.
const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const only = process.argv[2];
const rows: BenchRow[] = [];
for (const file of files) {
  if (only !== undefined && !file.startsWith(only)) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    bench: () => Promise<BenchRow[]>;
  };
  const got = await mod.bench();
  for (const row of got)
    console.log(`${row.name.padEnd(60)} ${formatValue(row.value).padStart(14)} ${row.unit}`);
  rows.push(...got);
}
console.log(`\n${rows.length} figures from ${files.length} benchmark files`);

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value < 1 ? value.toPrecision(3) : value.toFixed(2);
}
