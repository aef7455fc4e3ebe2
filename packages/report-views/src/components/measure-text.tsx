/** @jsxRuntime automatic */
import { formatTarget, segmentText } from '@leshan/report-core/indicators';
import type { DeepReadonly, Indicator } from '@leshan/report-core';

/** A measure's text with each target's words marked; text is rendered as text, never as markup. */
export function MeasureText({
  text,
  indicators,
}: {
  text: string;
  indicators: readonly DeepReadonly<Indicator>[];
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
            title={`${segment.indicator.metric}：${formatTarget(segment.indicator)}`}
          >
            {segment.text}
          </strong>
        ),
      )}
    </p>
  );
}
