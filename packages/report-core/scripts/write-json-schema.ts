// Writes schema/report.schema.json. The file is committed (so `@leshan/report-core/schema.json`
// resolves in the monorepo without a build and model changes show up in review);
// test/json-schema.test.ts fails when it is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { SCHEMA_FILE, reportJsonSchema } from './json-schema.js';

const file = fileURLToPath(new URL(`../${SCHEMA_FILE}`, import.meta.url));
// Formatted as the repo's `prettier --check` expects, so regenerating never shows up as a diff.
const text = await format(JSON.stringify(reportJsonSchema()), { parser: 'json', printWidth: 100 });
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, text);
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
