import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../src/data/index.js';
import type { Report } from '../src/model/index.js';
import { ReportShapeSchema } from '../src/model/index.js';

// issue 16: zod and the published JSON Schema refuse the same reports. Each case below takes the
// canonical report, breaks one rule of the kinds the two used to disagree on (unknown keys, the
// text rule, blank text, the period order, http(s) evidence URLs), and both must refuse it.
// ReportShapeSchema is the zod side: the invariants ReportSchema adds (unique ids, numbering, …)
// are those the JSON Schema's description says it cannot express.
const schema = JSON.parse(
  readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats.default(ajv);
const jsonSchemaAccepts = ajv.compile(schema);

type Mutation = (r: Report) => void;

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('the canonical report lacks an item this test breaks');
  return item;
}

const measure = (r: Report) => first(first(first(r.chapters).sections).measures);
const withUpdate = (r: Report, evidenceUrl: string): void => {
  measure(r).tracking.updates.push({
    id: 'u-1',
    date: '2024-05-01',
    note: '已开工。',
    evidenceUrl,
  });
};

/** Where an extra key can go: every kind of object a report holds. */
const OBJECTS: Record<string, (r: Report) => object> = {
  report: (r) => r,
  meta: (r) => r.meta,
  period: (r) => r.meta.period,
  source: (r) => r.meta.source,
  goal: (r) => first(r.goals),
  ideology: (r) => r.ideology,
  chapter: (r) => first(r.chapters),
  section: (r) => first(first(r.chapters).sections),
  measure,
  indicator: (r) => first(measure(r).indicators),
  tracking: (r) => measure(r).tracking,
  place: (r) => first(r.places),
  note: (r) => first(r.notes),
};

/** One character of each range of the text rule. */
const UNSAFE = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2060',
  '\ufeff',
  '\ud800',
];

/** Where a text goes: every kind of free text a report holds. */
const TEXTS: Record<string, (r: Report, text: string) => void> = {
  'measure text': (r, t) => void (measure(r).text = `推进${t}建设。`),
  'chapter title': (r, t) => void (first(r.chapters).title = `第一章${t}`),
  'meta title': (r, t) => void (r.meta.title = `乐山${t}`),
  'place name': (r, t) => void (first(r.places).name = `乐${t}山`),
  'indicator metric': (r, t) => void (first(measure(r).indicators).metric = `铁路${t}`),
  'note reasoning': (r, t) => void (first(r.notes).reasoning = `说明${t}`),
  'goal target': (r, t) => void (first(r.goals).target = `明显${t}增强`),
};

const cases: [string, Mutation][] = [
  ...Object.entries(OBJECTS).map(([name, at]): [string, Mutation] => [
    `an unknown key in the ${name}`,
    (r) => void Object.assign(at(r), { unexpected: true }),
  ]),
  ...Object.entries(TEXTS).flatMap(([name, put]) =>
    UNSAFE.map((c): [string, Mutation] => [
      `U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in the ${name}`,
      (r) => put(r, c),
    ]),
  ),
  ['a blank measure text', (r) => void (measure(r).text = '   ')],
  ['a blank chapter title', (r) => void (first(r.chapters).title = ' \t ')],
  ['a period that ends before it starts', (r) => void (r.meta.period = { start: 2026, end: 2022 })],
  ['a period a year out of order', (r) => void (r.meta.period = { start: 2023, end: 2022 })],
  ['a period before 1949', (r) => void (r.meta.period = { start: 1948, end: 2022 })],
  ['an ftp evidence URL', (r) => withUpdate(r, 'ftp://files.example.org/a.pdf')],
  ['a javascript: evidence URL', (r) => withUpdate(r, 'javascript:alert(1)')],
  ['a file: evidence URL', (r) => withUpdate(r, 'file:///etc/passwd')],
  ['an evidence URL that is no URL', (r) => withUpdate(r, '乐山市人民政府网站')],
];

function mutated(mutation: Mutation): Report {
  const report = editableCopy(canonicalReport);
  mutation(report);
  return report;
}

describe('zod and the JSON Schema refuse the same reports', () => {
  it('both accept the canonical report, and one with an https and an HTTP evidence URL', () => {
    for (const report of [
      mutated(() => undefined),
      mutated((r) => withUpdate(r, 'https://www.leshan.gov.cn/a.html')),
      mutated((r) => withUpdate(r, 'HTTP://www.leshan.gov.cn/b.html')),
    ]) {
      expect(ReportShapeSchema.safeParse(report).success).toBe(true);
      expect(jsonSchemaAccepts(report), JSON.stringify(jsonSchemaAccepts.errors)).toBe(true);
    }
  });

  it.each(cases)('both refuse %s', (_name, mutation) => {
    const report = mutated(mutation);
    expect(ReportShapeSchema.safeParse(report).success, 'zod').toBe(false);
    expect(jsonSchemaAccepts(report), 'JSON Schema').toBe(false);
  });
});
