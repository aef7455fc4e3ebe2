import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../indicators/index.js';
import { listMeasures } from '../model/index.js';
import { findPlaces } from '../parse/find-places.js';
import { CURATED_INDICATORS, TARGETS_WITHOUT_A_NUMBER } from './curated-indicators.js';
import { MEASURE_PLACES } from './curated-places.js';
import { canonicalReport } from './index.js';

// Issue 17: every curated target and place tag follows the rules written in the package README
// ("What counts as a target", "Metric names", "When a place is tagged").
const measures = listMeasures(canonicalReport);
const INTENT_WORDS = ['力争', '争取', '争创', '努力', '确保'];

/** The sentence of a text that holds `raw`. */
function sentenceOf(text: string, raw: string): string {
  const at = text.indexOf(raw);
  const start = Math.max(...['。', '；', '！'].map((p) => text.lastIndexOf(p, at))) + 1;
  const ends = ['。', '；', '！'].map((p) => text.indexOf(p, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length === 0 ? text.length : Math.min(...ends));
}

describe('issue 17: the curated targets follow the written rules', () => {
  const all = measures.flatMap((m) => m.indicators.map((i) => ({ m, i })));

  it('each is a quantity the government commits to reach, read as the extractor reads it', () => {
    expect(all.length).toBe(24);
    for (const { m, i } of all) {
      expect(m.text, i.id).toContain(i.raw);
      if (TARGETS_WITHOUT_A_NUMBER.includes(i.id)) continue;
      const { id: _id, ...curated } = i;
      expect(extractIndicators(m.text), i.id).toContainEqual(curated);
    }
  });

  it('lists no one who gets support as a target (支持3个…重点帮扶县和104个重点帮扶村)', () => {
    for (const { m, i } of all) expect(sentenceOf(m.text, i.raw), i.id).not.toMatch(/^支持/u);
    expect(CURATED_INDICATORS.m166).toBeUndefined();
  });

  it('takes 力争县县都有三级医院 as a target', () => {
    expect(CURATED_INDICATORS.m276?.map((i) => [i.raw, i.value, i.unit, i.kind])).toEqual([
      ['县县都有三级医院', 100, '%', 'share'],
    ]);
  });

  it('names each metric for what is measured, without the wording of intent', () => {
    for (const { i } of all) {
      for (const word of INTENT_WORDS) expect(i.metric, i.id).not.toContain(word);
      expect(i.kind, i.id).toBeDefined();
    }
    const metric = (id: string) => all.find(({ i }) => i.id === id)?.i;
    expect(metric('m38-t1')).toMatchObject({ metric: '新建高速公路', kind: 'increment' });
    expect(metric('m38-t2')).toMatchObject({ metric: '铁路', kind: 'increment' });
    expect(metric('m288-t1')).toMatchObject({ metric: '改造老旧小区', kind: 'increment' });
  });

  it('reads bindingness only from the wording: 确保 binding, 力争/争创/努力 aspirational, else unstated', () => {
    for (const { m, i } of all) {
      const sentence = sentenceOf(m.text, i.raw).slice(0, sentenceOf(m.text, i.raw).indexOf(i.raw));
      const aspirational = /力争|争创|争取|努力/u.test(sentence);
      const binding = /确保/u.test(sentence);
      const expected = aspirational ? 'aspirational' : binding ? 'binding' : 'unstated';
      expect(i.commitment, i.id).toBe(expected);
      expect(i.aspirational, i.id).toBe(expected === 'aspirational');
    }
    expect(all.filter(({ i }) => i.commitment === 'binding').map(({ i }) => i.id)).toEqual([
      'm282-t1',
    ]);
  });
});

describe('issue 17: the curated place tags follow the written rules', () => {
  it('tag exactly the places a measure names as places', () => {
    for (const m of measures) {
      expect(m.measure.places, m.id).toEqual(findPlaces(m.text, canonicalReport.places));
      expect(m.measure.places, m.id).toEqual(MEASURE_PLACES[m.id] ?? []);
    }
  });

  it('never tag a place inside a brand or an event named after it', () => {
    const tagged = (id: string) => measures.find((m) => m.id === id)?.measure.places;
    expect(tagged('m66')).toEqual([]); // 峨眉山康养论坛
    expect(tagged('m172')).toEqual([]); // 峨眉山茶
    expect(tagged('m174')).toEqual([]); // “峨眉山茶”“井研柑橘”
    expect(tagged('m102')).toEqual(['emeishan']); // 以峨眉山基地为重点: the place
  });
});
