// The JSON Schema of a report, generated from ReportSchema, for users outside TypeScript.
import { z } from 'zod';
import { ReportSchema } from '../src/model/index.js';

export const SCHEMA_FILE = 'schema/report.schema.json';

// superRefine checks are code, not data: z.toJSONSchema drops them, so the schema says so.
const INVARIANTS_NOTE =
  'JSON Schema cannot express the invariants that validateReport() in @leshan/report-core ' +
  'also checks: ids unique across the whole report; chapters numbered 1..n without gaps; no ' +
  "measure text repeated; each indicator's raw text occurs in its measure's text; measure places " +
  'name entries of report.places; provenance and note lines at most meta.source.lineCount; note ' +
  'nodeIds name existing nodes. A document valid against this schema may still fail those checks.';

/** The report's JSON Schema (draft 2020-12) describing a valid report as it is serialised. */
export function reportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ReportSchema, { io: 'output', target: 'draft-2020-12' });
  const { $schema, description, ...rest } = generated;
  return {
    $schema,
    title: 'Leshan government work report (@leshan/report-core)',
    description: `${description ?? ''} ${INVARIANTS_NOTE}`.trim(),
    ...rest,
  };
}
