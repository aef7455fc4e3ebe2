import { describe, expect, it } from 'vitest';
import { validateReport } from '@leshan/report-core';
import { canonicalEdition } from '../canonical-edition.js';
import { syntheticEdition } from '../testing/synthetic-edition.js';
import { renderJson, renderJsonSchema } from './render-json.js';

const parseBytes = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

describe('renderJson and renderJsonSchema', () => {
  it('writes a report that validates and equals the edition', async () => {
    for (const input of [syntheticEdition(), canonicalEdition()]) {
      const parsed = parseBytes(await renderJson(input));
      const checked = validateReport(parsed);
      expect(checked.ok).toBe(true);
      expect(parsed).toEqual(input.report);
    }
  });

  it('writes the draft 2020-12 JSON Schema of a report, with field descriptions', async () => {
    const schema = parseBytes(await renderJsonSchema(syntheticEdition())) as Record<
      string,
      unknown
    >;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['meta', 'chapters', 'notes']),
    );
    expect(JSON.stringify(schema)).toContain('The target in the base unit');
  });
});
