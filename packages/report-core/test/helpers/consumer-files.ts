// The files of a throwaway project that installs the packed tarball, as a user's would: one
// ESM script, one CJS script and a TypeScript file type-checked with node16 resolution.
import { codeEntries } from '../../scripts/entrypoints.js';

const PKG = '@leshan/report-core';
const specifiers = codeEntries.map((e) =>
  e.subpath === '.' ? PKG : `${PKG}/${e.subpath.slice(2)}`,
);

/** Every file of the consumer project, by name. Each script prints one JSON line to check. */
export function consumerFiles(): Record<string, string> {
  return {
    'package.json': JSON.stringify({
      name: 'report-core-consumer',
      private: true,
      version: '0.0.0',
    }),
    'esm.mjs': `
import { canonicalReport, listMeasures, ReportSchema, validateReport } from '${PKG}';
import { ReportSchema as ModelSchema } from '${PKG}/model';
import { sourceText } from '${PKG}/data';
import schema from '${PKG}/schema.json' with { type: 'json' };
const exportsOf = {};
for (const s of ${JSON.stringify(specifiers)}) exportsOf[s] = Object.keys(await import(s)).sort();
const result = validateReport(structuredClone(canonicalReport));
console.log(JSON.stringify({
  valid: result.ok,
  measures: listMeasures(canonicalReport).length,
  oneSchema: ReportSchema === ModelSchema,
  schemaTitle: schema.title,
  sourceLength: sourceText.length,
  exportsOf,
}));
`,
    'cjs.cjs': `
const { readFileSync } = require('node:fs');
const core = require('${PKG}');
const { ReportSchema } = require('${PKG}/model');
const exportsOf = {};
for (const s of ${JSON.stringify(specifiers)}) exportsOf[s] = Object.keys(require(s)).sort();
console.log(JSON.stringify({
  valid: core.validateReport(structuredClone(core.canonicalReport)).ok,
  measures: core.listMeasures(core.canonicalReport).length,
  oneSchema: core.ReportSchema === ReportSchema,
  sourceFileMatches: readFileSync(require.resolve('${PKG}/source.txt'), 'utf8') === core.sourceText,
  exportsOf,
}));
`,
    'typed.mts': typedSource(),
    'typed.cts': typedSource(),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2023', 'dom'],
        types: [],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        // Checks our .d.mts/.d.cts too, not only this project's files.
        skipLibCheck: false,
      },
      files: ['typed.mts', 'typed.cts'],
    }),
  };
}

// Same body for .mts (resolves `import` → .d.mts) and .cts (resolves `require` → .d.cts).
function typedSource(): string {
  return `
import { canonicalReport, findNode, validateReport } from '${PKG}';
import type { FoundNode, Measure, Report, ValidationResult } from '${PKG}';
import { MeasureSchema } from '${PKG}/model';
import type { z } from 'zod';

const result: ValidationResult<Report> = validateReport(canonicalReport);
const found: FoundNode | undefined = findNode(canonicalReport, 'ideology');
const first: z.infer<typeof MeasureSchema> | undefined = canonicalReport.chapters[0]?.sections[0]?.measures[0];
const measure: Measure | undefined = first;
// @ts-expect-error -- proves the types are real: chapters are not a string.
const wrong: string = canonicalReport.chapters;
console.log(JSON.stringify({ valid: result.ok, kind: found?.kind, id: measure?.id, wrong: typeof wrong }));
`;
}
