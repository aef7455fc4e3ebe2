// The files of a throwaway project that installs the packed tarball and its own zod, as a user's
// would: an ESM script, a CommonJS script, TypeScript checked under node16/nodenext and under
// bundler resolution, and a browser entry that Vite bundles.
import { codeEntries } from '../../scripts/entrypoints.js';

const PKG = '@leshan/report-core';
const specifiers = codeEntries.map((e) =>
  e.subpath === '.' ? PKG : `${PKG}/${e.subpath.slice(2)}`,
);

const COMPILER_OPTIONS = {
  target: 'es2022',
  lib: ['es2023', 'dom'],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  // Checks our .d.mts too, not only this project's files.
  skipLibCheck: false,
};

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
import { createRequire } from 'node:module';
import { z } from 'zod';
const exportsOf = {};
for (const s of ${JSON.stringify(specifiers)}) exportsOf[s] = Object.keys(await import(s)).sort();
const result = validateReport(structuredClone(canonicalReport));
// The consumer's own zod composes the package's schemas.
const Wrapped = z.object({ edition: z.int(), report: ReportSchema });
const required = createRequire(import.meta.url)('${PKG}/model');
console.log(JSON.stringify({
  valid: result.ok,
  measures: listMeasures(canonicalReport).length,
  oneSchema: ReportSchema === ModelSchema,
  oneInstance: required.ReportSchema === ReportSchema,
  composed: Wrapped.safeParse({ edition: 1, report: canonicalReport }).success,
  zodVersion: createRequire(import.meta.url)('zod/package.json').version,
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
import('${PKG}').then((esm) => {
  console.log(JSON.stringify({
    valid: core.validateReport(structuredClone(core.canonicalReport)).ok,
    measures: core.listMeasures(core.canonicalReport).length,
    oneSchema: core.ReportSchema === ReportSchema,
    oneInstance: esm.ReportSchema === core.ReportSchema,
    sourceFileMatches: readFileSync(require.resolve('${PKG}/source.txt'), 'utf8') === core.sourceText,
    exportsOf,
  }));
});
`,
    'typed.mts': typedSource(),
    'typed.cts': typedSource(),
    'typed-bundler.ts': typedSource(),
    'tsconfig.json': JSON.stringify({
      compilerOptions: { ...COMPILER_OPTIONS, module: 'nodenext', moduleResolution: 'nodenext' },
      files: ['typed.mts', 'typed.cts'],
    }),
    'tsconfig.node16.json': JSON.stringify({
      compilerOptions: { ...COMPILER_OPTIONS, module: 'node16', moduleResolution: 'node16' },
      files: ['typed.mts'],
    }),
    'tsconfig.bundler.json': JSON.stringify({
      compilerOptions: { ...COMPILER_OPTIONS, module: 'esnext', moduleResolution: 'bundler' },
      files: ['typed-bundler.ts'],
    }),
    // A browser page's script: Vite bundles it with the package's browser-safe code.
    'browser.js': `
import { validateReport, canonicalReport } from '${PKG}';
import { createSearchIndex, search } from '${PKG}/search';
const found = search(createSearchIndex(canonicalReport), '旅游');
globalThis.reportCheck = {
  valid: validateReport(structuredClone(canonicalReport)).ok,
  hits: (Array.isArray(found) ? found : found.hits).length > 0,
};
`,
  };
}

// Same body for .mts (node16/nodenext, ESM), .cts (nodenext, require) and bundler resolution.
function typedSource(): string {
  return `
import { canonicalReport, editableCopy, findNode, validateReport } from '${PKG}';
import type { DeepReadonly, FoundNode, Measure, Report, ValidationResult } from '${PKG}';
import { MeasureSchema, ReportSchema } from '${PKG}/model';
import { z } from 'zod';

const result: ValidationResult<Report> = validateReport(canonicalReport);
const found: DeepReadonly<FoundNode> | undefined = findNode(canonicalReport, 'ideology');
const first: DeepReadonly<z.infer<typeof MeasureSchema>> | undefined = canonicalReport.chapters[0]?.sections[0]?.measures[0];
const copy: Report = editableCopy(canonicalReport);
const measure: Measure | undefined = copy.chapters[0]?.sections[0]?.measures[0];
// issue 16: the frozen report is read-only in the published types too (never called: it throws).
export function renumber(): void {
  const [chapter] = canonicalReport.chapters;
  // @ts-expect-error -- canonicalReport is DeepReadonly<Report>
  if (chapter !== undefined) chapter.number = 5;
}
// Schemas compose with the consumer's zod, types and all (issue 16: no '_zod.version' mismatch).
const Wrapped = z.object({ report: ReportSchema, tags: z.array(z.string()) });
const parsed = Wrapped.safeParse({ report: canonicalReport, tags: [] });
const wrapped: z.infer<typeof Wrapped> | undefined = parsed.success ? parsed.data : undefined;
const report: Report | undefined = wrapped?.report;
// @ts-expect-error -- proves the types are real: chapters are not a string.
const wrong: string = canonicalReport.chapters;
console.log(JSON.stringify({ valid: result.ok, kind: found?.kind, id: measure?.id, same: measure?.id === first?.id, wrong: typeof wrong, composed: report !== undefined }));
`;
}
