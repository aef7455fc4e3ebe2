import type { Report } from '@leshan/report-core';

/** What the page shows for a heading the source lacks. */
export const MISSING_TITLE = '（原文缺失标题）';

/**
 * The editorial note that explains why a chapter or section has no title: the missing-in-source
 * note naming the node, else any note naming it.
 */
export function noteForNode(report: Report, nodeId: string): string | undefined {
  const naming = report.notes.filter((n) => n.nodeIds.includes(nodeId));
  return (naming.find((n) => n.kind === 'missing-in-source') ?? naming[0])?.id;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 25 → 二十五: chapter numbers the Chinese way (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}
