import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  IndicatorSchema,
  MeasureSchema,
  NodeIdSchema,
  ProgressUpdateSchema,
  TrackingSchema,
  createNodeId,
  findNode,
  NodeIdPrefixError,
  listMeasures,
  reportStats,
  validateWith,
} from './index.js';
import type { Comparator, Indicator, Observation, TrackingStatus } from './index.js';
import { canonicalReport } from '../data/index.js';

describe('NodeIdSchema', () => {
  it('accepts URL-safe ids and refuses others', () => {
    expect(NodeIdSchema.safeParse('m38').success).toBe(true);
    expect(NodeIdSchema.safeParse('m38-t1').success).toBe(true);
    for (const bad of ['', 'M38', 'a--b', '-a', 'a b', '中文', 'a/b', 'x'.repeat(65)]) {
      expect(NodeIdSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('createNodeId makes fresh valid ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createNodeId('m')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^m-[a-z0-9]{10}$/u);
  });

  it('issue 16: a bad prefix throws the documented NodeIdPrefixError, never a ZodError', () => {
    for (const prefix of ['', 'M', 'a--b', '-m', 'm-', '措施', 'x'.repeat(54)]) {
      expect(() => createNodeId(prefix)).toThrow(NodeIdPrefixError);
      expect(() => createNodeId(prefix)).toThrow(/createNodeId: prefix/);
    }
    expect(new NodeIdPrefixError('M')).toBeInstanceOf(TypeError);
    expect(NodeIdSchema.safeParse(createNodeId('x'.repeat(53))).success).toBe(true);
  });

  it('gives a valid id whatever `random` returns', () => {
    for (const value of [0, 0.999999, 1, -1, Number.NaN, Infinity])
      expect(NodeIdSchema.safeParse(createNodeId('note', () => value)).success).toBe(true);
  });
});

describe('IndicatorSchema', () => {
  it('infers the comparator union and optional baseline', () => {
    expectTypeOf<Indicator['comparator']>().toEqualTypeOf<Comparator>();
    expectTypeOf<Comparator>().toEqualTypeOf<'gte' | 'lte' | 'eq' | 'approx' | 'gt'>();
    expectTypeOf<Indicator['baseline']>().toEqualTypeOf<
      { year: number; raw: string; observation?: Observation | undefined } | undefined
    >();
  });

  it('refuses non-finite values', () => {
    const base = {
      id: 'i1',
      metric: '公路',
      unit: '公里',
      comparator: 'eq',
      raw: '1公里',
      aspirational: false,
    };
    expect(IndicatorSchema.safeParse({ ...base, value: 1 }).success).toBe(true);
    expect(IndicatorSchema.safeParse({ ...base, value: Number.POSITIVE_INFINITY }).success).toBe(
      false,
    );
    expect(IndicatorSchema.safeParse({ ...base, value: Number.NaN }).success).toBe(false);
  });
});

describe('TrackingSchema', () => {
  it('starts empty and infers the status vocabulary', () => {
    expect(TrackingSchema.parse({ status: null, progress: null, updates: [] })).toEqual({
      status: null,
      progress: null,
      updates: [],
    });
    expectTypeOf<TrackingStatus>().toEqualTypeOf<
      'not-started' | 'in-progress' | 'completed' | 'delayed' | 'unverified'
    >();
  });

  it('accepts only http(s) evidence links and real dates', () => {
    const update = { id: 'u1', date: '2026-03-01', note: '已开工' };
    expect(
      ProgressUpdateSchema.safeParse({ ...update, evidenceUrl: 'https://example.org/a' }).success,
    ).toBe(true);
    expect(
      ProgressUpdateSchema.safeParse({ ...update, evidenceUrl: 'javascript:alert(1)' }).success,
    ).toBe(false);
    expect(ProgressUpdateSchema.safeParse({ ...update, date: '2026-02-30' }).success).toBe(false);
  });
});

describe('listMeasures / findNode / reportStats', () => {
  it('lists measures in reading order with their chapter and section', () => {
    const measures = listMeasures(canonicalReport);
    expect(measures[0]).toMatchObject({
      id: 'm38',
      chapterNumber: 1,
      sectionTitle: '建设区域综合交通枢纽',
    });
    expect(measures.map((m) => m.id)).toContain('m262');
    expect(measures.find((m) => m.id === 'm262')?.chapterNumber).toBe(6);
  });

  it('finds any node by id with its parents', () => {
    const found = findNode(canonicalReport, 'm38-t1');
    expect(found?.kind).toBe('indicator');
    if (found?.kind === 'indicator') {
      expect(found.node.value).toBe(210);
      expect(found.chapter.number).toBe(1);
    }
    expect(findNode(canonicalReport, 'nope')).toBeUndefined();
  });

  it('counts the canonical report', () => {
    expect(reportStats(canonicalReport)).toEqual({
      chapters: 8,
      sections: 24,
      measures: 76,
      indicators: 24,
      notes: 14,
      goals: 5,
      places: 19,
    });
  });
});

describe('MeasureSchema text', () => {
  const measure = (text: string) => ({
    id: 'm1',
    text,
    indicators: [],
    places: [],
    tracking: { status: null, progress: null, updates: [] },
  });

  it('refuses control characters (C1 too) and lone surrogates, naming the problem in both languages', () => {
    for (const [text, zh] of [
      ['推进\u0000建设。', /控制字符（U\+0000，第3个字符）/],
      ['推进\u001b[31m建设。', /控制字符（U\+001B，/],
      ['推进\u0085建设。', /控制字符（U\+0085，/],
      ['推进\ud800建设。', /代理项/],
      ['推进\udfff建设。', /代理项/],
    ] as const) {
      const result = validateWith(MeasureSchema, measure(text));
      expect(
        result.ok ? [] : result.issues.map((i) => [i.path, i.message.zh, i.message.en]),
        JSON.stringify(text),
      ).toEqual([['text', expect.stringMatching(zh), expect.stringMatching(/remove it$/)]]);
    }
  });

  it('issue 15: refuses direction-changing and invisible characters', () => {
    for (const [text, zh] of [
      ['推进\u202E建设。', /改变文字方向的字符（U\+202E/],
      ['推进\u200B建设。', /不可见字符（U\+200B/],
    ] as const) {
      const result = validateWith(MeasureSchema, measure(text));
      expect(result.ok ? [] : result.issues.map((i) => i.message.zh)).toEqual([
        expect.stringMatching(zh),
      ]);
    }
  });

  it('accepts tabs, line breaks and emoji', () => {
    for (const text of ['推进\t建设。', '推进\n建设。', '推进建设 😀。']) {
      expect(validateWith(MeasureSchema, measure(text)).ok, JSON.stringify(text)).toBe(true);
    }
  });
});
