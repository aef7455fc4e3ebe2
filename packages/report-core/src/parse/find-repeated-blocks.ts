import type { Diagnostic } from './diagnostic.js';
import { diagnostic, formatLines } from './diagnostic.js';
import type { BodyItem } from './parse-chapters.js';

export interface RepeatedBlocks {
  diagnostics: Diagnostic[];
  /** Body indices that are copies inside an immediately repeated block: their duplicates are explained. */
  copies: Set<number>;
}

/**
 * Runs of ≥2 paragraphs that recur verbatim. Each paragraph is linked to the last earlier one
 * with the same text; a run of paragraphs linked at one constant distance is a repeated block.
 * When the distance is at most the run's length the copies follow the block directly (a block
 * pasted n times). One pass with a hash map: linear in the number of paragraphs.
 */
export function findRepeatedBlocks(body: readonly BodyItem[]): RepeatedBlocks {
  const previous: number[] = [];
  const lastSeen = new Map<string, number>();
  body.forEach((item, i) => {
    const key = `${item.kind}\u0000${item.text}`;
    previous.push(lastSeen.get(key) ?? -1);
    lastSeen.set(key, i);
  });

  const out: RepeatedBlocks = { diagnostics: [], copies: new Set() };
  let i = 0;
  while (i < body.length) {
    const prev = previous[i] ?? -1;
    if (prev < 0) {
      i += 1;
      continue;
    }
    const distance = i - prev;
    let end = i + 1;
    while (end < body.length && previous[end] === end - distance) end += 1;
    const length = end - i;
    if (length >= distance && distance >= 2) {
      for (let k = i; k < end; k += 1) out.copies.add(k);
      out.diagnostics.push(adjacentRepeat(body, i - distance, i, end));
    } else if (length >= 2 && length < distance) {
      out.diagnostics.push(distantRepeat(body, prev, i, length));
    }
    i = end;
  }
  return out;
}

function span(body: readonly BodyItem[], from: number, to: number): BodyItem[] {
  return body.slice(from, to);
}

function adjacentRepeat(
  body: readonly BodyItem[],
  start: number,
  copyStart: number,
  end: number,
): Diagnostic {
  const block = span(body, start, copyStart);
  const copies = span(body, copyStart, end);
  const times = copies.length / block.length;
  const timesZh = Number.isInteger(times) ? `${times}遍` : `${Math.floor(times)}遍多`;
  const timesEn = Number.isInteger(times)
    ? `${times} more time${times === 1 ? '' : 's'}`
    : `more than ${Math.floor(times)} more times`;
  const blockLines = formatLines(block.map((b) => b.line));
  const copyLines = formatLines(copies.map((b) => b.line));
  return diagnostic(
    'repeated-block',
    'error',
    {
      zh: `第${blockLines}行的${block.length}段在紧接其后的第${copyLines}行又原样重复了${timesZh}（排版时的复制）：请决定保留哪一遍（通常是第一遍），删除其余各遍。`,
      en: `the ${block.length} paragraphs on lines ${blockLines} are repeated verbatim ${timesEn} right after them, on lines ${copyLines} (a layout copy): decide which copy to keep (usually the first) and delete the others.`,
    },
    [...block, ...copies].map((b) => b.line),
    [...block, ...copies].map((b) => b.nodeId),
  );
}

function distantRepeat(
  body: readonly BodyItem[],
  start: number,
  copyStart: number,
  length: number,
): Diagnostic {
  const block = span(body, start, start + length);
  const copies = span(body, copyStart, copyStart + length);
  const blockLines = formatLines(block.map((b) => b.line));
  const copyLines = formatLines(copies.map((b) => b.line));
  const chaptersA = [...new Set(block.map((b) => b.sourceChapter))].join('、');
  const chaptersB = [...new Set(copies.map((b) => b.sourceChapter))].join('、');
  const where =
    chaptersA === chaptersB ? `同在第${chaptersA}章` : `分别在第${chaptersA}章和第${chaptersB}章`;
  const whereEn =
    chaptersA === chaptersB
      ? `both in chapter ${chaptersA}`
      : `in chapter ${chaptersA} and chapter ${chaptersB}`;
  return diagnostic(
    'repeated-block',
    'error',
    {
      zh: `第${blockLines}行的${length}段与第${copyLines}行的${length}段逐段相同（${where}）：同一内容只能出现一次，请决定它属于哪一处，删除另一份。`,
      en: `the ${length} paragraphs on lines ${blockLines} are identical, paragraph by paragraph, to those on lines ${copyLines} (${whereEn}): the content may appear only once; decide where it belongs and delete the other copy.`,
    },
    [...block, ...copies].map((b) => b.line),
    [...block, ...copies].map((b) => b.nodeId),
  );
}
