import type { Indicator } from '@leshan/report-core';

export interface TextSegment {
  text: string;
  /** Set when this piece of the text is where a target was read from. */
  indicator?: Indicator;
}

/**
 * Cuts a measure's text into plain pieces and target pieces (each indicator's `raw`, first
 * occurrence not already taken), so the page can mark targets without parsing the text again.
 */
export function segmentText(text: string, indicators: readonly Indicator[]): TextSegment[] {
  const spans: { start: number; end: number; indicator: Indicator }[] = [];
  for (const indicator of indicators) {
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
  spans.sort((a, b) => a.start - b.start);
  const out: TextSegment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({ text: text.slice(span.start, span.end), indicator: span.indicator });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
