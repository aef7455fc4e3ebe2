import type { Message } from '../model/message.js';
import type { ReadonlyReport } from '../model/readonly.js';
import type { Chapter } from '../model/report.js';
import { displayTitle } from './missing-title.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五: a chapter number the Chinese way (1–99; digits beyond). */
export function chineseChapterNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/** A chapter's number as a label: 第三章 / Chapter 3. */
export function chapterLabel(number: number): Message {
  return { zh: `第${chineseChapterNumber(number)}章`, en: `Chapter ${number}` };
}

/**
 * A chapter's heading as every page, file and screen writes it: its label, an ideographic space
 * (U+3000) and its title, e.g. "第三章\u3000突出旅游首位产业"; MISSING_TITLE where the source lacks it
 * (given the report, UNTITLED for a chapter an editor left untitled: see displayTitle).
 */
export function chapterHeading(
  chapter: Pick<Chapter, 'number' | 'title'> & { id?: string },
  report?: ReadonlyReport,
): string {
  return `${chapterLabel(chapter.number).zh}\u3000${displayTitle(chapter.title, report, chapter.id)}`;
}
