import { describe, expect, it } from 'vitest';
import { canonicalReport } from '@leshan/report-core';
import { IndicatorQuerySchema } from './indicator-query.js';
import { queryIndicatorRows, unitsOf } from './indicator-filter.js';
import { indicatorRows } from './indicator-rows.js';

const rows = indicatorRows(canonicalReport);
const query = (input: Record<string, string>) => IndicatorQuerySchema.parse(input);

describe('queryIndicatorRows', () => {
  it('keeps reading order by default and lists every target of the report', () => {
    expect(rows.length).toBe(24);
    expect(queryIndicatorRows(rows, query({})).map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('filters by chapter, unit, comparator and status together', () => {
    const kept = queryIndicatorRows(rows, query({ chapter: '1', unit: '公里' }));
    expect(kept.map((r) => r.id)).toEqual(['m38-t1', 'm38-t2', 'm44-t1']);
    expect(
      queryIndicatorRows(rows, query({ comparator: 'lte' })).every((r) => r.comparator === 'lte'),
    ).toBe(true);
    expect(queryIndicatorRows(rows, query({ status: 'none' })).length).toBe(24);
    expect(queryIndicatorRows(rows, query({ status: 'completed' }))).toEqual([]);
  });

  it('sorts by value both ways, ties in reading order', () => {
    const up = queryIndicatorRows(rows, query({ unit: '公里', sort: 'value' })).map((r) => r.value);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = queryIndicatorRows(rows, query({ unit: '公里', sort: 'value', dir: 'desc' })).map(
      (r) => r.value,
    );
    expect(down).toEqual([...up].reverse());
  });

  it('treats an empty form field as no filter and rejects unknown values', () => {
    expect(query({ unit: '', chapter: '', sort: '' })).toEqual({ sort: 'chapter', dir: 'asc' });
    expect(IndicatorQuerySchema.safeParse({ comparator: 'most' }).success).toBe(false);
    expect(IndicatorQuerySchema.safeParse({ chapter: '0' }).success).toBe(false);
  });

  it('lists each unit once, in the order it first appears', () => {
    expect(unitsOf(rows)[0]).toBe('公里');
    expect(new Set(unitsOf(rows)).size).toBe(unitsOf(rows).length);
  });
});
