import type { Chapter, Section } from '../model/report.js';
import { emptyTracking } from '../model/tracking.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic, quote } from './diagnostic.js';
import type { MarkerStyle } from './classify-line.js';
import { endsSentence, readChapterMarker, readRunInHeading } from './classify-line.js';
import type { SourceLine } from './source-line.js';

/** A heading or measure of a chapter, in reading order: what the duplicate checks compare. */
export interface BodyItem {
  kind: 'heading' | 'measure';
  line: number;
  text: string;
  nodeId: string;
  chapterId: string;
  /** The number the source gives the item's chapter: what an editor reading the source sees. */
  sourceChapter: number;
}

export interface ChapterMarkerInfo {
  chapterId: string;
  line: number;
  /** The number the source gives the chapter (ours count 1..n in order). */
  sourceNumber: number;
}

export interface ParsedChapters {
  chapters: Chapter[];
  body: BodyItem[];
  markers: ChapterMarkerInfo[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the chapters: a marker line (its title on the same line or the next), then section
 * headings (lines without 。！？) each followed by measures (one per line). Chapters are numbered
 * 1..n in order; the source's own numbers are kept in `markers` for the gap check.
 */
export function parseChapters(lines: readonly SourceLine[]): ParsedChapters {
  const out: ParsedChapters = { chapters: [], body: [], markers: [], diagnostics: [] };
  let chapter: Chapter | undefined;
  let section: Section | undefined;
  let awaitingTitle = false;
  // The first marker's numbering marks chapters; another numbering inside them marks sections.
  let chapterStyle: MarkerStyle | undefined;

  const closeChapter = (): void => {
    if (chapter === undefined || !awaitingTitle) return;
    awaitingTitle = false;
    const line = chapter.provenance?.lines[0] ?? 1;
    out.diagnostics.push(
      diagnostic(
        'chapter-without-title',
        'warning',
        {
          zh: `第${line}行的章节编号后面没有章标题：请根据原件补上标题，或注明原文缺失。`,
          en: `the chapter marker on line ${line} has no title after it: add the title from the original, or record it as missing in the source.`,
        },
        [line],
        [chapter.id],
      ),
    );
  };

  const addSection = (line: SourceLine, title: string, sourceChapter: number): void => {
    if (chapter === undefined) return;
    section = { id: `s${line.line}`, title, measures: [], provenance: { lines: [line.line] } };
    chapter.sections.push(section);
    out.body.push({
      kind: 'heading',
      line: line.line,
      text: title,
      nodeId: section.id,
      chapterId: chapter.id,
      sourceChapter,
    });
  };

  for (const line of lines) {
    const found = readChapterMarker(line.text);
    chapterStyle ??= found?.style;
    const marker = found?.style === chapterStyle ? found : undefined;
    if (marker !== undefined) {
      closeChapter();
      chapter = {
        id: `c${line.line}`,
        number: out.chapters.length + 1,
        title: marker.title ?? null,
        sections: [],
        provenance: { lines: [line.line] },
      };
      out.chapters.push(chapter);
      out.markers.push({ chapterId: chapter.id, line: line.line, sourceNumber: marker.number });
      section = undefined;
      awaitingTitle = marker.title === undefined;
      continue;
    }
    if (chapter === undefined) continue; // the caller starts at the first marker
    const runIn = readRunInHeading(line.text);
    const isMeasure =
      endsSentence(line.text) && (runIn === undefined || runIn.marker === chapterStyle);
    if (awaitingTitle && !isMeasure) {
      awaitingTitle = false;
      chapter.title = line.text;
      chapter.provenance?.lines.push(line.line);
      continue;
    }
    closeChapter();
    const sourceChapter = out.markers[out.markers.length - 1]?.sourceNumber ?? chapter.number;
    if (!isMeasure) {
      addSection(line, runIn?.heading ?? found?.title ?? line.text, sourceChapter);
      if (runIn === undefined) continue;
    }
    const text = isMeasure ? line.text : (runIn?.rest ?? line.text);
    if (section === undefined) {
      // Measures before any heading: keep them in a section without a title rather than drop them.
      section = { id: `s${line.line}`, title: null, measures: [] };
      chapter.sections.push(section);
      out.diagnostics.push(
        diagnostic(
          'measures-without-heading',
          'warning',
          {
            zh: `第${line.line}行“${quote(line.text)}”前面没有节标题，已放入一个无标题的节：请补上标题或把这些举措移到别的节。`,
            en: `line ${line.line} "${quote(line.text)}" has no section heading before it and was put in an untitled section: add a heading or move these measures.`,
          },
          [line.line],
          [section.id],
        ),
      );
    }
    const id = `m${line.line}`;
    section.measures.push({
      id,
      text,
      indicators: [],
      places: [],
      tracking: emptyTracking(),
      provenance: { lines: [line.line] },
    });
    out.body.push({
      kind: 'measure',
      line: line.line,
      text,
      nodeId: id,
      chapterId: chapter.id,
      sourceChapter,
    });
  }
  closeChapter();
  return out;
}
