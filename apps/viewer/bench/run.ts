// `pnpm --filter viewer bench [area…]`: sizes, render, http, lighthouse (all by default). Needs
// `vite build` first for sizes, http and lighthouse (the bench script runs it).
import type { BenchRow } from './stats.js';

const AREAS: Record<string, () => Promise<{ bench: () => Promise<BenchRow[]> }>> = {
  sizes: () => import('./sizes.bench.js'),
  render: () => import('./render.bench.js'),
  http: () => import('./http.bench.js'),
  lighthouse: () => import('./lighthouse.bench.js'),
};

const wanted = process.argv.slice(2).filter((a) => a !== '--');
for (const area of wanted.length > 0 ? wanted : Object.keys(AREAS)) {
  const load = AREAS[area];
  if (load === undefined) {
    process.stderr.write(`unknown bench area ${area}; one of ${Object.keys(AREAS).join(', ')}\n`);
    process.exitCode = 1;
    continue;
  }
  const rows = await (await load()).bench();
  process.stdout.write(`\n## ${area}\n`);
  for (const row of rows)
    process.stdout.write(`${row.name.padEnd(52)} ${String(row.value).padStart(10)} ${row.unit}\n`);
}
