/** @jsxRuntime automatic */
import type { ReactNode } from 'react';
import type { DeepReadonly, Measure, ReadonlyReport } from '@leshan/report-core';
import { MeasureText } from '../components/measure-text.js';
import { useView } from '../context.js';

/** What a measure page is given: the report, the measure, and what the host puts at its end. */
export interface MeasurePageProps {
  report: ReadonlyReport;
  measure: DeepReadonly<Measure>;
  /** Rendered at the very end of the page (the viewer's 我要纠错 form; the preview has none). */
  footer?: ReactNode;
}

/** One measure on a page of its own (issue 19): text, targets, progress, who, when, notes. */
export function MeasurePage({ report, measure, footer }: MeasurePageProps) {
  const { pick } = useView();
  void report;
  return (
    <article className="measure-page" aria-labelledby={`${measure.id}-h`}>
      <h1 id={`${measure.id}-h`}>{pick('举措', 'Measure')}</h1>
      <MeasureText text={measure.text} indicators={measure.indicators} />
      {footer}
    </article>
  );
}
