import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportShapeSchema } from '../src/model/index.js';
import { SCHEMA_FILE, reportJsonSchema } from '../scripts/json-schema.js';

const committed = JSON.parse(
  readFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('schema/report.schema.json', () => {
  it('is up to date with ReportSchema (run `tsx scripts/write-json-schema.ts` after a model change)', () => {
    expect(committed).toEqual(reportJsonSchema());
  });

  it('is a draft 2020-12 schema requiring every top-level field of a report but the optional ones', () => {
    expect(committed['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const shape = ReportShapeSchema.shape;
    const required = Object.keys(shape).filter(
      (key) => !shape[key as keyof typeof shape].safeParse(undefined).success,
    );
    expect(committed['required']).toEqual(required);
    // issue 18: data made before departments existed still validates.
    expect(required).not.toContain('departments');
    expect(committed['additionalProperties']).toBe(false);
  });

  it('says which invariants it cannot express', () => {
    expect(committed['description']).toContain('validateReport()');
    expect(committed['description']).toContain('ids unique across the whole report');
  });
});
