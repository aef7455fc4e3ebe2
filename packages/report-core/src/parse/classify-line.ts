// How a normalized line reads: a chapter marker, a block label, or text with or without an end.

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_NUMERAL = '[零〇一二两三四五六七八九十百]+';
const CN_NUMERAL_ONLY = new RegExp(`^${CN_NUMERAL}$`, 'u');

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; undefined for anything else. */
export function chineseNumeral(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  if (!CN_NUMERAL_ONLY.test(text)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const c of text) {
    if (c === '百' || c === '十') {
      total += (digit ?? 1) * (c === '百' ? 100 : 10);
      digit = undefined;
    } else {
      const d = CN_DIGITS[c];
      if (d === undefined) return undefined;
      digit = d;
    }
  }
  return total + (digit ?? 0);
}

export interface ChapterMarker {
  /** The chapter number as the source writes it. */
  number: number;
  /** The title written on the marker's own line, if any. */
  title: string | undefined;
  /** How it is numbered (1、 一、 第一章 （一）): a report nests one style inside another. */
  style: MarkerStyle;
}

export type MarkerStyle = 'arabic' | 'chinese' | 'chapter' | 'parenthesized';
const STYLES: readonly MarkerStyle[] = ['arabic', 'chinese', 'chapter', 'parenthesized'];

const MARKERS: readonly RegExp[] = [
  // 1 | 1、title | 1. title | 1 title (a bare number followed by space); never 1.5 or 2000亿元.
  /^(\d{1,3})(?:[、．]|\.(?!\d)|\s+|$)\s*(.*)$/u,
  new RegExp(`^(${CN_NUMERAL})、\\s*(.*)$`, 'u'),
  new RegExp(`^第\\s*(${CN_NUMERAL}|\\d{1,3})\\s*(?:章|部分|篇)\\s*[：、.]?\\s*(.*)$`, 'u'),
  new RegExp(`^[（(]\\s*(${CN_NUMERAL}|\\d{1,3})\\s*[）)]\\s*(.*)$`, 'u'),
];

/**
 * The chapter marker a line is, or undefined. A numbered line that ends like a sentence
 * (`1、推动县级市改革。`) is a numbered measure, not a chapter.
 */
export function readChapterMarker(line: string): ChapterMarker | undefined {
  for (const [k, pattern] of MARKERS.entries()) {
    const match = pattern.exec(line);
    if (match === null) continue;
    const number = chineseNumeral(match[1] ?? '');
    if (number === undefined || number < 1) return undefined;
    const title = (match[2] ?? '').trim();
    if (endsSentence(title)) return undefined;
    return { number, title: title === '' ? undefined : title, style: STYLES[k] ?? 'arabic' };
  }
  return undefined;
}

/**
 * A numbered line whose heading runs on into its paragraph (（一）着力扩大有效需求。坚持…。), as
 * the heading without its 。 and the paragraph; undefined for any other line.
 */
export function readRunInHeading(
  line: string,
): { marker: MarkerStyle; heading: string; rest: string } | undefined {
  for (const [k, pattern] of MARKERS.entries()) {
    const match = pattern.exec(line);
    if (match === null) continue;
    if (chineseNumeral(match[1] ?? '') === undefined) return undefined;
    const body = (match[2] ?? '').trim();
    const end = /[。！？]/u.exec(body.slice(0, 41));
    if (end === null || end.index === 0) return undefined;
    const rest = body.slice(end.index + 1).trim();
    if (rest === '') return undefined;
    return { marker: STYLES[k] ?? 'arabic', heading: body.slice(0, end.index), rest };
  }
  return undefined;
}

/** Whether a line ends with 。！？ (closing quotes or brackets may follow): a measure, not a heading. */
export function endsSentence(line: string): boolean {
  return /[。！？][”’」』）》]*$/u.test(line);
}

/** The sentences of a paragraph, each with its end punctuation. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const pattern = /[^。！？]*(?:[。！？]+[”’」』）》]*|$)/gu;
  for (const match of paragraph.matchAll(pattern)) {
    const sentence = match[0].trim();
    if (sentence !== '') out.push(sentence);
  }
  return out;
}

export type BlockLabel = { kind: 'goals' } | { kind: 'ideology'; rest: string | undefined };

/** 主要目标 / 指导思想 (the latter may carry its paragraph on the same line after a colon). */
export function readBlockLabel(line: string): BlockLabel | undefined {
  if (/^主要目标[：:]?$/u.test(line)) return { kind: 'goals' };
  const ideology = /^指导思想(?:[：:]\s*(.*))?$/u.exec(line);
  if (ideology === null) return undefined;
  const rest = ideology[1]?.trim();
  return { kind: 'ideology', rest: rest === undefined || rest === '' ? undefined : rest };
}

/** ——聚焦政府工作报告——, ——2024年1月20日在…会议上: a line opened by dashes. */
export function isSubtitle(line: string): boolean {
  // Plain tests, not one backtracking regex: a megabyte of dashes must stay linear.
  return /^[—–-]{2}|^—/u.test(line) && /[^—–\s-]/u.test(line);
}

/** A goal written on one line, `经济实力 明显增强` or `经济实力：明显增强`. */
export function splitGoalLine(line: string): { subject: string; target: string } | undefined {
  const match = /^(.+?)\s*[：:\s]\s*(.+)$/u.exec(line);
  if (match === null) return undefined;
  return { subject: (match[1] ?? '').trim(), target: (match[2] ?? '').trim() };
}
