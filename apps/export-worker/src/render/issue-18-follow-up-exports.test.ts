import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalEdition } from '../canonical-edition.js';
import { pandoc, pdfText, squash } from '../testing/readers.js';
import {
  FORMULA_PAYLOAD,
  SCRIPT_PAYLOAD,
  followedEdition,
  syntheticEdition,
} from '../testing/synthetic-edition.js';
import { DataPackageSchema } from './datapackage-schema.js';
import { renderCsvIndicators } from './render-csv.js';
import { renderDatapackage } from './render-datapackage.js';
import { renderDocx } from './render-docx.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';
import { renderXlsx } from './render-xlsx.js';

// Issue 18, point 6: every export carries the actual values, departments, responsibilities and
// each target's attainment; an edition made before issue 18 exports as before, apart from empty
// new tables and not-reported attainment.

const csv = (bytes: Uint8Array): Record<string, string>[] =>
  parse<Record<string, string>>(Buffer.from(bytes), { bom: true, columns: true });

function dataPackage(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (path: string) => {
    const found = files[path];
    if (found === undefined) throw new Error(`no ${path}`);
    return found;
  };
  const descriptor = DataPackageSchema.parse(
    JSON.parse(new TextDecoder().decode(text('datapackage.json'))),
  );
  const rows = (name: string) => csv(text(`data/${name}.csv`));
  return { descriptor, rows };
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

function sheetRows(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exports of an edition with observations, departments and responsibilities (issue 18)', () => {
  it('give each target of indicators.csv its attainment: 达成率, 判定 and 截至 by report-core’s rule', async () => {
    const rows = csv(await renderCsvIndicators(followedEdition()));
    expect(rows.map((r) => [r.id, r.attainment_percent, r.verdict, r.as_of])).toEqual([
      ['m1-t1', '42.86', 'behind', '2024-12-31'],
      ['m2-t1', '75', 'on-track', '2024-06-30'],
      ['m2-t2', '', 'not-reported', ''],
      ['m3-t1', '60', 'on-track', '2024-12-31'],
    ]);
  });

  it('keep every column of an older edition’s indicators.csv and report its targets as not reported', async () => {
    for (const input of [syntheticEdition(), canonicalEdition()]) {
      const rows = csv(await renderCsvIndicators(input));
      expect(Object.keys(rows[0] ?? {}).slice(-3)).toEqual([
        'attainment_percent',
        'verdict',
        'as_of',
      ]);
      expect(
        rows.every(
          (r) => r.verdict === 'not-reported' && r.attainment_percent === '' && r.as_of === '',
        ),
      ).toBe(true);
    }
  });

  it('ship observations, departments and responsibilities in the data package, every foreign key resolving', async () => {
    const { descriptor, rows } = dataPackage(await renderDatapackage(followedEdition()));
    expect(descriptor.resources.map((r) => r.name)).toEqual([
      'measures',
      'indicators',
      'observations',
      'departments',
      'responsibilities',
      'measures_and_targets',
      'report',
      'report-schema',
    ]);
    expect(
      rows('observations').map((r) => [
        r.id,
        r.indicator_id,
        r.date,
        r.value,
        r.basis,
        r.source_url,
      ]),
    ).toEqual([
      ['obs-1', 'm1-t1', '2024-12-31', '90', '', 'https://example.gov.cn/tjgb/2024?a=1&b=2'],
      ['obs-2', 'm2-t1', '2024-06-30', '150000000000', '', ''],
      ['obs-3', 'm3-t1', '2023-12-31', '4000', 'annual', ''],
      ['obs-4', 'm3-t1', '2024-12-31', '5000', 'annual', ''],
    ]);
    expect(rows('responsibilities')).toEqual([
      {
        measure_id: 'm1',
        lead_department_id: 'dept-jt',
        co_department_ids: 'dept-fg',
        deadline: '2026-12-31',
        milestones: `2023：完成可研批复（已完成）\n2025：${FORMULA_PAYLOAD}建成通车（未完成）`,
      },
    ]);
    for (const resource of descriptor.resources) {
      if (resource.profile !== 'tabular-data-resource') continue;
      for (const fk of resource.schema.foreignKeys ?? []) {
        const [field] = fk.fields;
        const targets = new Set(rows(fk.reference.resource).map((r) => r.id));
        const values = rows(resource.name).map((r) => r[field ?? ''] ?? '');
        expect(values.length, `${resource.name}.${field}`).toBeGreaterThan(0);
        for (const v of values) expect(targets.has(v), `${resource.name}.${field}=${v}`).toBe(true);
      }
    }
  });

  it('ship the three new tables with their headers only for an edition made before issue 18', async () => {
    const { rows } = dataPackage(await renderDatapackage(syntheticEdition()));
    for (const name of ['observations', 'departments', 'responsibilities'])
      expect(rows(name), name).toEqual([]);
  });

  it('add 实际值, 单位 and 责任分工 sheets and attainment columns in Chinese to the workbook', async () => {
    const book = await workbook(await renderXlsx(followedEdition()));
    const targets = sheetRows(book, '指标');
    expect(targets[0]?.slice(-3)).toEqual(['达成率 (%)', '判定', '截至']);
    expect(targets[1]?.slice(-3)).toEqual([42.86, '滞后', '2024-12-31']);
    expect(sheetRows(book, '实际值').map((r) => [r[0], r[5], r[7]])).toEqual([
      ['编号', '实际值', '口径'],
      ['obs-1', 90, '累计'],
      ['obs-2', 150_000_000_000, '累计'],
      ['obs-3', 4000, '当年'],
      ['obs-4', 5000, '当年'],
    ]);
    expect(sheetRows(book, '单位').slice(1)).toEqual([
      ['dept-jt', '市交通运输局'],
      ['dept-fg', '市发展改革委 <b>'],
    ]);
    expect(sheetRows(book, '责任分工')[1]?.slice(0, 4)).toEqual([
      'm1',
      '市交通运输局',
      '市发展改革委 <b>',
      '2026-12-31',
    ]);
    const old = await workbook(await renderXlsx(syntheticEdition()));
    for (const name of ['实际值', '单位', '责任分工']) expect(sheetRows(old, name)).toHaveLength(1);
  });

  it('print a table of progress against each target in the PDF, and none for an older edition', async () => {
    const text = squash(pdfText(await renderPdf(followedEdition())));
    for (const t of ['目标进展', '目标值', '实际值', '达成率', '判定', '截至', '来源'])
      expect(text).toContain(t);
    // pdftotext reads a wrapped table cell by cell, so the row is checked cell by cell.
    const table = text.slice(text.lastIndexOf('目标进展'), text.lastIndexOf('编辑说明'));
    for (const cell of ['90公里', '43%', '滞后', '2024年统计公报', '1500亿元', '75%', '进度正常'])
      expect(table).toContain(cell);
    for (const cell of ['9000个', '60%', '未报告', 'https://example.gov.cn/tjgb/2024?a=1&b=2'])
      expect(table).toContain(cell);
    expect(squash(pdfText(await renderPdf(syntheticEdition())))).not.toContain('目标进展');
  });

  it('put the progress table in the Word document, and none for an older edition', async () => {
    const text = squash(pandoc(await renderDocx(followedEdition()), 'docx', 'plain', 'docx'));
    expect(text).toContain('目标进展');
    expect(text).toContain(squash('1500亿元 75% 进度正常 2024-06-30 市经信局通报'));
    const old = squash(pandoc(await renderDocx(syntheticEdition()), 'docx', 'plain', 'docx'));
    expect(old).not.toContain('目标进展');
  });

  it('put the progress table in Markdown and HTML with every editor-typed string escaped', async () => {
    const markdown = new TextDecoder().decode(await renderMarkdown(followedEdition()));
    expect(markdown).toContain('## 目标进展');
    expect(markdown).toMatch(/\| m1 .*\| 43% \| 滞后 \| 2024-12-31 \| 2024年统计公报 /);
    const html = new TextDecoder().decode(await renderHtml(followedEdition()));
    expect(html).toContain('<section id="progress"><h2>目标进展</h2>');
    expect(html).toContain('<a href="#progress">目标进展</a>');
    expect(html).not.toContain(SCRIPT_PAYLOAD);
    for (const render of [renderMarkdown, renderHtml])
      expect(new TextDecoder().decode(await render(syntheticEdition()))).not.toContain('目标进展');
  });
});
