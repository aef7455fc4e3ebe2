// Rewrites the export list in README.md (between the markers) from the entry points:
// `pnpm --filter @leshan/report-core docs:exports`. test/readme-exports.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectExportDocs, renderExportDocs, withExportDocs } from './export-docs.js';

const file = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(file, 'utf8');
writeFileSync(file, withExportDocs(readme, renderExportDocs(collectExportDocs())));
process.stdout.write(`wrote the export list to ${file}\n`);
