import type { Report } from '../model/report.js';
import type { Alignment } from './align-measures.js';
import { matchKey } from './match-key.js';

export interface StructureMap {
  /** Incoming section (`c.s`) → the current section it is, or null for a section the text adds. */
  sections: Map<string, string | null>;
  /** Incoming chapter index → the current chapter it is, or null. */
  chapters: Map<number, string | null>;
  /** Current section id → the one incoming section (`c.s`) it is read from now. */
  sectionSource: Map<string, string>;
}

/**
 * Which current section each incoming section is: the one most of its measures already sit in,
 * else the one with its heading. Chapters go by heading, then by number. A section the editors
 * relocated stays where they put it: only its measures' placement counts.
 */
export function mapStructure(
  current: Report,
  incoming: Report,
  alignment: Alignment,
): StructureMap {
  const sectionByTitle = new Map<string, string>();
  for (const chapter of current.chapters)
    for (const section of chapter.sections)
      if (section.title !== null && !sectionByTitle.has(matchKey(section.title)))
        sectionByTitle.set(matchKey(section.title), section.id);
  const chapterByTitle = new Map<string, string>();
  const chapterByNumber = new Map<number, string>();
  for (const chapter of current.chapters) {
    if (chapter.title !== null) chapterByTitle.set(matchKey(chapter.title), chapter.id);
    chapterByNumber.set(chapter.number, chapter.id);
  }

  const currentLines = new Map<string, number>();
  for (const chapter of current.chapters)
    for (const section of chapter.sections)
      currentLines.set(section.id, section.provenance?.lines[0] ?? 0);
  const sectionSource = new Map<string, string>();
  const sourceRank = new Map<string, number>();
  const sections = new Map<string, string | null>();
  const chapters = new Map<number, string | null>();
  incoming.chapters.forEach((chapter, c) => {
    const byTitle =
      chapter.title === null ? undefined : chapterByTitle.get(matchKey(chapter.title));
    chapters.set(c, byTitle ?? chapterByNumber.get(chapter.number) ?? null);
    chapter.sections.forEach((section, s) => {
      const votes = new Map<string, number>();
      section.measures.forEach((_, m) => {
        const match = alignment.byIncoming.get(`${c}.${s}.${m}`);
        if (match === undefined) return;
        const id = match.current.section.id;
        votes.set(id, (votes.get(id) ?? 0) + 1);
      });
      let best: string | null = null;
      let bestVotes = 0;
      for (const [id, n] of votes)
        if (n > bestVotes) {
          best = id;
          bestVotes = n;
        }
      const byHeading =
        section.title === null ? undefined : sectionByTitle.get(matchKey(section.title));
      const id = best ?? byHeading ?? null;
      sections.set(`${c}.${s}`, id);
      if (id === null || alignment.headings.has(`${c}.${s}`)) return;
      const line = section.provenance?.lines[0] ?? 0;
      const rank = bestVotes * 1e6 - Math.abs(line - (currentLines.get(id) ?? 0));
      if (rank > (sourceRank.get(id) ?? -Infinity)) {
        sourceRank.set(id, rank);
        sectionSource.set(id, `${c}.${s}`);
      }
    });
  });
  return { sections, chapters, sectionSource };
}
