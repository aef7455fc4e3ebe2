import { z } from 'zod';
import { ReportSchema } from '@leshan/report-core';
import type { ExportInput } from '../schemas.js';

const encoder = new TextEncoder();

/** The edition's report as pretty JSON, valid against ReportSchema; keys in the schema's order. */
export function renderJson(input: ExportInput): Promise<Uint8Array> {
  return Promise.resolve(encoder.encode(`${JSON.stringify(input.report, null, 2)}\n`));
}

/** The JSON Schema of ReportSchema, so users can validate the JSON export without our code. */
export function renderJsonSchema(_input: ExportInput): Promise<Uint8Array> {
  const schema = z.toJSONSchema(ReportSchema, { io: 'output', target: 'draft-2020-12' });
  return Promise.resolve(encoder.encode(`${JSON.stringify(schema, null, 2)}\n`));
}
