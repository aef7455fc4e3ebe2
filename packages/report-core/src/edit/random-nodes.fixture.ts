import type { ReadonlyReport } from '../model/readonly.js';

// Helpers of random-command.fixture.ts: pick targets from a report and make fresh nodes.

/** The item at n modulo the list's length; undefined for an empty list. */
export const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list[n % Math.max(1, list.length)];
export const empty = () => ({ status: null, progress: null, updates: [] });

/** Every section, measure, indicator and progress update, with their parents. */
export function lists(r: ReadonlyReport) {
  const sections = r.chapters.flatMap((c) => c.sections.map((s) => ({ s, parent: c.id })));
  const measures = sections.flatMap(({ s }) => s.measures.map((m) => ({ m, parent: s.id })));
  const indicators = measures.flatMap(({ m }) => m.indicators.map((i) => ({ i, parent: m })));
  const updates = measures.flatMap(({ m }) => m.tracking.updates);
  return { sections, measures, indicators, updates };
}

/** A measure with a text no other has (it names step n), maybe with a target and a place. */
export function freshMeasure(r: ReadonlyReport, n: number, b: number) {
  const withTarget = b % 2 === 0;
  const text = withTarget ? `随机举措第${n}条，新建道路${n}公里。` : `随机举措第${n}条。`;
  const indicators = withTarget
    ? [
        {
          id: `ix-${n}-m`,
          metric: '道路',
          value: n,
          unit: '公里',
          comparator: 'eq' as const,
          raw: `${n}公里`,
          aspirational: false,
        },
      ]
    : [];
  const place = pick(r.places, b);
  return {
    id: `mx-${n}`,
    text,
    indicators,
    places: place && b % 3 === 0 ? [place.id] : [],
    tracking: empty(),
  };
}

/** A section holding one fresh measure. */
export function freshSection(n: number) {
  const measure = {
    id: `mx-${n}-s`,
    text: `随机小节举措第${n}条。`,
    indicators: [],
    places: [],
    tracking: empty(),
  };
  return { id: `sx-${n}`, title: `随机小节${n}`, measures: [measure] };
}
