// `pnpm reliability:write`: writes the repository's RELIABILITY.md from the figures the last
// `pnpm test:reliability` left in results/. The one command that changes that page: no test does.
import { fileURLToPath } from 'node:url';
import { readResults } from '../reliability/lib/results.js';
import { writeReliabilityPage } from './reliability-page.js';

const results = readResults();
if (results.vitest === undefined || results.run === undefined) {
  process.stderr.write(
    'reliability:write: results/ holds no run; run `pnpm test:reliability` first.\n',
  );
  process.exit(1);
}
const target = fileURLToPath(new URL('../../../RELIABILITY.md', import.meta.url));
await writeReliabilityPage(results, target);
process.stdout.write(`reliability:write: wrote ${target}\n`);
