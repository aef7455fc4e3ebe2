import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DATA_LICENSE, DATA_NOTICE, listMeasures, validateReport } from '@leshan/report-core';
import { canonicalEdition } from '../canonical-edition.js';
import { sha256Hex } from '@leshan/report-core/hash';
import { sameBytes } from '../testing/readers.js';
import { followedEdition, syntheticEdition } from '../testing/synthetic-edition.js';
import type { ExportInput } from '../schemas.js';
import type { TableField } from './datapackage-schema.js';
import { DataPackageSchema } from './datapackage-schema.js';
import { renderDatapackage } from './render-datapackage.js';

// A cell checked against its Table Schema field, as frictionless-py would: '' is the missing value.
function cellFits(field: TableField, cell: string): boolean {
  if (cell === '') return field.constraints?.required !== true;
  if (field.constraints?.enum !== undefined && !field.constraints.enum.includes(cell)) return false;
  switch (field.type) {
    case 'integer':
      return /^-?\d+$/.test(cell);
    case 'number':
      return cell.trim() !== '' && Number.isFinite(Number(cell));
    case 'boolean':
      return cell === 'true' || cell === 'false';
    case 'string':
      return true;
  }
}

async function open(input: ExportInput) {
  const files = unzipSync(await renderDatapackage(input));
  const file = (path: string): Uint8Array => {
    const bytes = files[path];
    if (bytes === undefined) throw new Error(`no ${path}`);
    return bytes;
  };
  const descriptor = DataPackageSchema.parse(
    JSON.parse(new TextDecoder().decode(file('datapackage.json'))),
  );
  return { files, file, descriptor };
}

describe('renderDatapackage', () => {
  it('ships a valid descriptor naming the source, licence and every file with its size and sha256', async () => {
    const input = syntheticEdition();
    const { files, file, descriptor } = await open(input);
    expect(Object.keys(files)).toEqual([
      'datapackage.json',
      ...descriptor.resources.map((r) => r.path),
    ]);
    expect(descriptor.sources).toEqual([
      { title: '测试用原文。', path: 'synthetic-source.txt', sha256: 'a'.repeat(64) },
    ]);
    expect(descriptor.id).toContain(input.edition.hash);
    // issue 16: the data notice and licence are report-core's one statement.
    expect(descriptor.licenses).toEqual([DATA_LICENSE]);
    expect(descriptor.description).toContain(DATA_NOTICE.zh);
    for (const r of descriptor.resources) {
      expect(r.bytes).toBe(file(r.path).length);
      expect(r.hash).toBe(`sha256:${sha256Hex(file(r.path))}`);
    }
  });

  it('has CSVs that fit their Table Schemas and hold every measure and indicator value', async () => {
    for (const input of [syntheticEdition(), canonicalEdition(), followedEdition()]) {
      const { file, descriptor } = await open(input);
      const rowsByResource = new Map<string, Record<string, string>[]>();
      for (const r of descriptor.resources) {
        if (r.profile !== 'tabular-data-resource') continue;
        // The header is checked on its own: an empty table (an edition before issue 18) has only it.
        const records: string[][] = parse(Buffer.from(file(r.path)), { bom: true });
        const [header = [], ...cells] = records;
        expect(header).toEqual(r.schema.fields.map((f) => f.name));
        const rows = cells.map((row) =>
          Object.fromEntries(header.map((h, k) => [h, row[k] ?? ''])),
        );
        for (const row of rows)
          for (const f of r.schema.fields)
            expect(cellFits(f, row[f.name] ?? ''), `${r.name}.${f.name}=${row[f.name]}`).toBe(true);
        rowsByResource.set(r.name, rows);
      }
      const measures = listMeasures(input.report);
      expect(rowsByResource.get('measures')?.map((r) => r.text?.replace(/^'/, ''))).toEqual(
        measures.map((m) => m.text),
      );
      expect(rowsByResource.get('indicators')?.map((r) => Number(r.value))).toEqual(
        measures.flatMap((m) => m.indicators.map((i) => i.value)),
      );
      const measureIds = new Set(measures.map((m) => m.id));
      expect(
        rowsByResource.get('indicators')?.every((r) => measureIds.has(r.measure_id ?? '')),
      ).toBe(true);
      expect(
        validateReport(JSON.parse(new TextDecoder().decode(file('data/report.json')))).ok,
      ).toBe(true);
    }
  });

  it('is byte-identical for the same edition', async () => {
    expect(
      sameBytes(
        await renderDatapackage(syntheticEdition()),
        await renderDatapackage(syntheticEdition()),
      ),
    ).toBe(true);
  });
});
