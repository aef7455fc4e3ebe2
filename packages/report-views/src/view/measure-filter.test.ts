import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy, findNode } from '@leshan/report-core';
import {
  filterMeasureRows,
  measureQueryProblems,
  measureRows,
  measuresSearch,
} from './measure-filter.js';
import { MeasureQuerySchema } from './measure-query.js';

const report = editableCopy(canonicalReport);
const m94 = findNode(report, 'm94');
if (m94?.kind !== 'measure') throw new Error('test setup: no m94');
m94.node.tracking = { status: 'completed', progress: 100, updates: [] };
const rows = measureRows(report);
const count = (q: Record<string, string>): number =>
  filterMeasureRows(rows, MeasureQuerySchema.parse(q)).length;

describe('measures filter', () => {
  it('counts a measure nobody reported on as not-reported, and every filter must hold', () => {
    expect(count({})).toBe(76);
    expect(count({ status: 'not-reported' })).toBe(75);
    expect(count({ status: 'completed', chapter: '2' })).toBe(1);
    expect(count({ status: 'completed', chapter: '1' })).toBe(0);
    expect(count({ district: 'wutongqiao', status: '' })).toBe(2);
  });

  it('refuses a status, chapter or id it cannot read, in Chinese', () => {
    const bad = MeasureQuerySchema.safeParse({ status: 'done', chapter: 'x', district: 'A B' });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message).join('\n') ?? '';
    expect(messages).toMatch(/状态只能是/u);
    expect(messages).toMatch(/章须是数字/u);
    expect(messages).toMatch(/地区编号只能由/u);
  });

  it('names a chapter, place or department the report lacks', () => {
    const query = MeasureQuerySchema.parse({ chapter: '9', district: 'nowhere', department: 'd' });
    expect(measureQueryProblems(report, query)).toHaveLength(3);
    expect(measuresSearch(query)).toBe('?chapter=9&district=nowhere&department=d');
  });
});
