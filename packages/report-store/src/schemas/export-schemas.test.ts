import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, ExportFormatIdSchema, ExportFormatSchema } from './export-schemas.js';

describe('ExportFormatSchema', () => {
  it('accepts each listed format and nothing else', () => {
    for (const id of EXPORT_FORMATS) expect(ExportFormatSchema.safeParse(id).success).toBe(true);
    expect(ExportFormatSchema.safeParse('tiff').success).toBe(false);
  });

  it('lists ids a stored job can hold, each once', () => {
    for (const id of EXPORT_FORMATS) expect(ExportFormatIdSchema.safeParse(id).success).toBe(true);
    expect(new Set(EXPORT_FORMATS).size).toBe(EXPORT_FORMATS.length);
  });
});
