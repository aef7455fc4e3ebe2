import { describe, expect, it } from 'vitest';
import { canonicalReport } from '@leshan/report-core';
import { editedReport } from '../server/testing/sample-editions.js';
import { chapterMeasures, progressStats } from './chapter-stats.js';
import { groupByPlace } from './place-groups.js';

describe('progressStats and groupByPlace', () => {
  it('counts measures, targets and reports per chapter', () => {
    const [first] = canonicalReport.chapters;
    if (first === undefined) throw new Error('no chapter');
    expect(progressStats(chapterMeasures(first))).toEqual({
      measures: 17,
      targets: 7,
      reported: 0,
      byStatus: {},
      meanProgress: null,
    });
    const edited = editedReport();
    const all = progressStats(edited.chapters.flatMap(chapterMeasures));
    expect(all).toMatchObject({
      measures: 76,
      targets: 25,
      reported: 2,
      byStatus: { 'in-progress': 1, completed: 1 },
      meanProgress: 65,
    });
  });

  it('groups measures under the places they name, places without measures last', () => {
    const groups = groupByPlace(canonicalReport);
    const wutongqiao = groups.find((g) => g.place.id === 'wutongqiao');
    expect(wutongqiao?.measures.map((m) => m.id)).toContain('m94');
    const firstEmpty = groups.findIndex((g) => g.measures.length === 0);
    if (firstEmpty >= 0)
      expect(groups.slice(firstEmpty).every((g) => g.measures.length === 0)).toBe(true);
  });
});
