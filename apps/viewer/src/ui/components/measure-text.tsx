import { formatQuantity } from '@leshan/report-core/indicators';
import { COMPARATOR_LABELS } from '@leshan/report-core';
import type { Indicator } from '@leshan/report-core';
import { segmentText } from '../../view/text-segments.js';

/** "达到 2000亿元" — the target in words, numbers written the Chinese way. */
export function targetWords(indicator: Indicator): string {
  return `${COMPARATOR_LABELS[indicator.comparator].zh} ${formatQuantity(indicator.value, indicator.unit)}`;
}

/** A measure's text with each target's words marked; text is rendered as text, never as markup. */
export function MeasureText({
  text,
  indicators,
}: {
  text: string;
  indicators: readonly Indicator[];
}) {
  return (
    <p className="measure-text" lang="zh-CN">
      {segmentText(text, indicators).map((segment, i) =>
        segment.indicator === undefined ? (
          segment.text
        ) : (
          <strong
            key={i}
            className="target"
            title={`${segment.indicator.metric}：${targetWords(segment.indicator)}`}
          >
            {segment.text}
          </strong>
        ),
      )}
    </p>
  );
}
