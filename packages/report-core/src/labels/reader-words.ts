import type { ReadonlyReport } from '../model/readonly.js';
import { walkNodes } from '../model/query.js';
import { chineseChapterNumber } from './chapter-heading.js';

// Issue 19: what the public reads speaks in citizens' words — chapters as 第一章, notes as
// 编辑说明三, nodes by their names or first words — never an internal id (m128, s258, c-6).

/**
 * How readers name an editorial note: 编辑说明 and its place among the report's notes in Chinese
 * numerals (the third note is 编辑说明三); undefined for a note the report does not have.
 */
export function noteLabel(report: ReadonlyReport, noteId: string): string | undefined {
  const index = report.notes.findIndex((n) => n.id === noteId);
  return index < 0 ? undefined : `编辑说明${chineseChapterNumber(index + 1)}`;
}

/** What in a public text readers cannot read: internal ids and chapters numbered 第3章. */
export interface ReaderJargon {
  /** Ids of the report's nodes the text names, each once, in order. */
  ids: string[];
  /** Chapter references written with Arabic digits (第3章), each once, in order. */
  arabicChapters: string[];
}

const ID_TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/gu;
const ARABIC_CHAPTER = /第\s*\d+\s*章/gu;

/**
 * The internal ids (of nodes in `report`) and Arabic-numbered chapters (第3章) a text written for
 * the public contains: the publish checklist warns of them, since readers know 第三章 and the
 * words of a measure, not m128. A word that is no id of the report (a URL, GDP) is left alone.
 */
export function readerJargon(report: ReadonlyReport, text: string): ReaderJargon {
  const known = new Set<string>();
  for (const found of walkNodes(report)) known.add(found.node.id);
  // A token counts only standing on its own: not inside a longer Latin word or a URL.
  const ids = new Set<string>();
  for (const match of text.matchAll(ID_TOKEN)) {
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + match[0].length] ?? '';
    if (/[A-Za-z0-9/._:-]/u.test(before) || /[A-Za-z0-9/_:-]/u.test(after)) continue;
    if (known.has(match[0])) ids.add(match[0]);
  }
  const chapters = new Set<string>();
  for (const match of text.matchAll(ARABIC_CHAPTER)) chapters.add(match[0]);
  return { ids: [...ids], arabicChapters: [...chapters] };
}
