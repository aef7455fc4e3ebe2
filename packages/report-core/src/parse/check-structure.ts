import type { Chapter } from '../model/report.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic, quote } from './diagnostic.js';
import type { BodyItem, ChapterMarkerInfo } from './parse-chapters.js';

/** Words that open a commitment (a measure), not a topic (a heading). */
const COMMITMENT = /^(?:争创|力争|争取|确保|努力)|\d/u;

/** Gaps and reversals in the source's own chapter numbers (5 → 7). */
export function checkChapterNumbers(markers: readonly ChapterMarkerInfo[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let previous: ChapterMarkerInfo | undefined;
  for (const marker of markers) {
    const expected = (previous?.sourceNumber ?? 0) + 1;
    const lines = previous === undefined ? [marker.line] : [previous.line, marker.line];
    const ids =
      previous === undefined ? [marker.chapterId] : [previous.chapterId, marker.chapterId];
    const after = previous === undefined ? '开头' : `第${previous.sourceNumber}章之后`;
    const afterEn =
      previous === undefined ? 'at the start' : `after chapter ${previous.sourceNumber}`;
    if (marker.sourceNumber > expected) {
      const missing =
        expected === marker.sourceNumber - 1
          ? `${expected}`
          : `${expected}–${marker.sourceNumber - 1}`;
      out.push(
        diagnostic(
          'chapter-number-gap',
          'warning',
          {
            zh: `原文章节编号在${after}跳到了${marker.sourceNumber}（第${marker.line}行），缺少第${missing}章：请决定补出缺失的章（标题按原件，找不到则注明原文缺失），并核对其内容是否混在相邻章中。解析结果已按顺序重新编号。`,
            en: `the source's chapter numbers jump to ${marker.sourceNumber} ${afterEn} (line ${marker.line}); chapter ${missing} is missing: decide whether to add it (title from the original, or recorded as missing) and check whether its content sits in a neighbouring chapter. The parsed chapters are renumbered in order.`,
          },
          lines,
          ids,
        ),
      );
    } else if (marker.sourceNumber < expected) {
      out.push(
        diagnostic(
          'chapter-number-out-of-order',
          'warning',
          {
            zh: `第${marker.line}行的章节编号${marker.sourceNumber}不大于前一章的编号：请核对章节顺序，是否有章重复或错位。解析结果已按顺序重新编号。`,
            en: `the chapter number ${marker.sourceNumber} on line ${marker.line} does not follow the previous one: check the order of chapters for a repeated or misplaced chapter. The parsed chapters are renumbered in order.`,
          },
          lines,
          ids,
        ),
      );
    }
    previous = marker;
  }
  return out;
}

/** Section headings with nothing under them. */
export function checkEmptySections(chapters: readonly Chapter[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      if (section.measures.length > 0 || section.title === null) continue;
      const line = section.provenance?.lines[0] ?? 1;
      out.push(
        diagnostic(
          'heading-without-measures',
          'warning',
          {
            zh: `节标题“${quote(section.title)}”（第${line}行）下面没有举措：请核对原件，决定补上举措、删除该标题，还是保留并注明原文缺失。`,
            en: `the section heading "${quote(section.title)}" (line ${line}) has no measures under it: check the original and decide whether to add its measures, delete the heading, or keep it and record them as missing in the source.`,
          },
          [line],
          [section.id],
        ),
      );
    }
  }
  return out;
}

/**
 * A line without end punctuation reads as a heading, but one that sits between measures of a
 * chapter and opens like a commitment (争创…, a number) may be a measure that lost its 。.
 */
export function checkAmbiguousHeadings(body: readonly BodyItem[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  body.forEach((item, i) => {
    const before = body[i - 1];
    const after = body[i + 1];
    if (item.kind !== 'heading' || before?.kind !== 'measure' || after?.kind !== 'measure') return;
    if (before.chapterId !== item.chapterId || after.chapterId !== item.chapterId) return;
    if (!COMMITMENT.test(item.text)) return;
    out.push(
      diagnostic(
        'possible-measure-without-punctuation',
        'warning',
        {
          zh: `第${item.line}行“${quote(item.text)}”没有句末标点，已按节标题解析；但它夹在举措之间，读起来像一项工作目标：请决定它是节标题，还是漏了句号、属于上一节的举措（其后的举措可能另属一个缺标题的节）。`,
          en: `line ${item.line} "${quote(item.text)}" has no end punctuation and was parsed as a section heading, but it sits between measures and reads like a commitment: decide whether it is a heading or a measure of the previous section missing its full stop (the measures after it may then belong to a section whose heading is missing).`,
        },
        [item.line],
        [item.nodeId],
      ),
    );
  });
  return out;
}
