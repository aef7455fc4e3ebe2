import type { Chapter, Report } from '../src/model/index.js';

/**
 * A valid report `factor` times the size of `base`: every chapter copied with fresh ids
 * (`<id>-x<k>`) and its measure texts varied (a copy number appended), so ids stay unique,
 * no measure repeats, indicators still occur in their text and chapters stay numbered 1..n.
 * Notes and places are kept once: notes point at the first copy, places are shared.
 */
export function synthesizeReport(base: Report, factor: number): Report {
  const chapters: Chapter[] = [];
  for (let k = 0; k < factor; k += 1) {
    const fresh = (id: string): string => (k === 0 ? id : `${id}-x${k}`);
    const vary = (text: string): string => (k === 0 ? text : `${text}（副本${k}）`);
    for (const chapter of base.chapters) {
      chapters.push({
        ...structuredClone(chapter),
        id: fresh(chapter.id),
        number: chapters.length + 1,
        sections: chapter.sections.map((section) => ({
          ...structuredClone(section),
          id: fresh(section.id),
          measures: section.measures.map((measure) => ({
            ...structuredClone(measure),
            id: fresh(measure.id),
            text: vary(measure.text),
            indicators: measure.indicators.map((indicator) => ({
              ...indicator,
              id: fresh(indicator.id),
            })),
            tracking: {
              ...measure.tracking,
              updates: measure.tracking.updates.map((update) => ({
                ...update,
                id: fresh(update.id),
              })),
            },
          })),
        })),
      });
    }
  }
  return { ...structuredClone(base), chapters };
}
