// The JSON Schema of a report, generated from ReportSchema, for users outside TypeScript.
import { z } from 'zod';
import {
  EVIDENCE_URL_PATTERN,
  EvidenceUrlSchema,
  PERIOD_YEARS,
  PeriodSchema,
  ReportSchema,
} from '../src/model/index.js';

export const SCHEMA_FILE = 'schema/report.schema.json';

// superRefine checks are code, not data: z.toJSONSchema drops them, so the schema says so.
const INVARIANTS_NOTE =
  'JSON Schema cannot express the invariants that validateReport() in @leshan/report-core ' +
  'also checks: ids unique across the whole report; chapters numbered 1..n without gaps; no ' +
  "measure text repeated; each indicator's raw text occurs in its measure's text; measure places " +
  "name entries of report.places; a measure's responsibility names entries of report.departments, " +
  'its lead not also co-responsible and no co-responsible department twice; department names ' +
  'unique; provenance and note lines at most meta.source.lineCount; note nodeIds name existing ' +
  'nodes. A document valid against this schema may still fail those checks.';

/** The report's JSON Schema (draft 2020-12) describing a valid report as it is serialised. */
export function reportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ReportSchema, {
    io: 'output',
    target: 'draft-2020-12',
    // Rules zod checks in code, spelled out so the JSON Schema refuses the same reports.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === PeriodSchema) {
        // start ≤ end, one branch per start year: JSON Schema cannot compare two fields.
        const branches = [];
        for (let start = PERIOD_YEARS.min; start <= PERIOD_YEARS.max; start += 1)
          branches.push({ properties: { start: { const: start }, end: { minimum: start } } });
        jsonSchema.anyOf = branches;
      }
      if (zodSchema === EvidenceUrlSchema) jsonSchema.pattern = EVIDENCE_URL_PATTERN.source;
    },
  });
  const { $schema, description, ...rest } = generated;
  return {
    $schema,
    title: 'Leshan government work report (@leshan/report-core)',
    description: `${description ?? ''} ${INVARIANTS_NOTE}`.trim(),
    ...rest,
  };
}
