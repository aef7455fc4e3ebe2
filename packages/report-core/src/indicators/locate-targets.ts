import type { Indicator } from '../model/indicator.js';

/** Where an indicator's words (`raw`) stand in its measure's text: [start, end) in UTF-16 units. */
export interface TargetSpan<I extends TargetWords = Indicator> {
  start: number;
  end: number;
  indicator: I;
}

/** What locateTargets reads of a target: its words. Any indicator, frozen or not, has them. */
export type TargetWords = Pick<Indicator, 'raw'>;

/**
 * The position of each target in its text: the first occurrence of its `raw` not already taken
 * by an earlier target, so two targets with the same words get two places. Targets whose words
 * are not in the text are left out. Sorted by position.
 */
export function locateTargets<I extends TargetWords = Indicator>(
  text: string,
  indicators: readonly I[],
): TargetSpan<I>[] {
  const spans: TargetSpan<I>[] = [];
  for (const indicator of indicators) {
    if (indicator.raw.length === 0) continue;
    let from = 0;
    for (;;) {
      const start = text.indexOf(indicator.raw, from);
      if (start < 0) break;
      const end = start + indicator.raw.length;
      if (!spans.some((s) => start < s.end && end > s.start)) {
        spans.push({ start, end, indicator });
        break;
      }
      from = start + 1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A piece of a measure's text, with the indicator it states when it is one (segmentText). */
export interface TextSegment<I extends TargetWords = Indicator> {
  text: string;
  /** Set when this piece of the text is where a target was read from. */
  indicator?: I;
}

/**
 * A measure's text cut into plain pieces and target pieces (see locateTargets); the pieces join
 * back to the text, so a page can mark targets without parsing the text again.
 */
export function segmentText<I extends TargetWords = Indicator>(
  text: string,
  indicators: readonly I[],
): TextSegment<I>[] {
  const out: TextSegment<I>[] = [];
  let at = 0;
  for (const span of locateTargets(text, indicators)) {
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({ text: text.slice(span.start, span.end), indicator: span.indicator });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
