import type { Diagnostic } from './diagnostic.js';
import { diagnostic, formatLines } from './diagnostic.js';
import type { FrontMatter } from './parse-front-matter.js';

export interface BlockCheck {
  diagnostics: Diagnostic[];
  /** Report paths these diagnostics already explain (the schema's own complaint is then redundant). */
  coveredPaths: Set<string>;
}

/** Parts of the document that are missing, or that took in more lines than they should. */
export function checkBlocks(
  front: FrontMatter,
  chapterCount: number,
  given: { title: boolean; scope: boolean } = { title: false, scope: false },
): BlockCheck {
  const out: BlockCheck = { diagnostics: [], coveredPaths: new Set() };
  const missing = (
    path: string | undefined,
    severity: 'error' | 'warning',
    zh: string,
    en: string,
  ): void => {
    out.diagnostics.push(
      diagnostic(
        'missing-block',
        severity,
        {
          zh: `原文中没有找到${zh}：请补上，或确认原文确实没有。`,
          en: `no ${en} was found in the source: add it, or confirm that the source has none.`,
        },
        [],
      ),
    );
    if (path !== undefined) out.coveredPaths.add(path);
  };
  if (front.title === undefined && !given.title)
    missing(
      'meta.title',
      'error',
      '报告标题（第一行文字）',
      'report title (the first line of text)',
    );
  if (front.scope === undefined && !given.scope)
    missing(
      'meta.scope',
      'error',
      '范围行（如“今后五年工作”）',
      'scope line (such as 今后五年工作)',
    );
  if (front.goals.length === 0)
    missing(undefined, 'warning', '“主要目标”及其目标', 'main goals block (主要目标)');
  if (front.ideology === undefined)
    missing('ideology.text', 'error', '“指导思想”段落', 'guiding ideology paragraph (指导思想)');
  if (chapterCount === 0)
    missing(
      undefined,
      'warning',
      '任何章节编号（如“1”“一、”“第一章”）',
      'chapter marker (such as 1, 一、 or 第一章)',
    );

  // The ideology is one paragraph; more lines may mean chapters without markers were taken in.
  const ideologyLines = front.ideology?.provenance?.lines ?? [];
  if (ideologyLines.length > 2) {
    const lines = formatLines(ideologyLines.slice(1));
    out.diagnostics.push(
      diagnostic(
        'unrecognised-line',
        'info',
        {
          zh: `第${lines}行都并入了“指导思想”段落：请核对这些行是否确属指导思想，还是缺少章节编号的正文。`,
          en: `lines ${lines} were all joined into the guiding ideology paragraph: check that they belong to it and are not chapters missing their markers.`,
        },
        ideologyLines.slice(1),
        ['ideology'],
      ),
    );
  }
  return out;
}
