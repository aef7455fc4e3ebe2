import { z } from 'zod';
import {
  AttainmentSchema,
  BaselineSchema,
  CommitmentSchema,
  ComparatorSchema,
  listMeasures,
  targetAttainment,
  TargetKindSchema,
  TrackingStatusSchema,
} from '@leshan/report-core';
import { formatTarget } from '@leshan/report-core/indicators';
import { commitmentLabel, commitmentOf } from '@leshan/report-core/labels';
import type { ReadonlyReport } from '@leshan/report-core';

export const IndicatorRowSchema = z
  .object({
    id: z.string().describe('Indicator id, e.g. m94-t1.'),
    measureId: z.string().describe('The measure whose text holds the target.'),
    chapterNumber: z.int().min(1),
    chapterTitle: z.string().nullable().describe('null where the source lacks the chapter title.'),
    metric: z.string().describe('What is measured.'),
    value: z.number().describe('Target in the base unit.'),
    unit: z.string().describe('Base unit.'),
    comparator: ComparatorSchema,
    baseline: BaselineSchema.optional(),
    raw: z.string().describe('The words of the measure the target was read from.'),
    aspirational: z.boolean().describe('力争/争创/努力 (true) or not (false).'),
    commitment: CommitmentSchema,
    commitmentLabel: z
      .string()
      .describe(
        'The commitment in the report’s own word (确保, 力争, 未注明): the same on every page and export.',
      ),
    kind: TargetKindSchema.optional(),
    upper: z.number().optional().describe('Upper bound of a range target.'),
    target: z.string().describe('The target in words, e.g. 新增 210公里, 不低于 2000亿元.'),
    status: TrackingStatusSchema.nullable().describe(
      'Tracking status of the measure; null before any report.',
    ),
    progress: z
      .int()
      .min(0)
      .max(100)
      .nullable()
      .describe('Progress of the measure, 0–100, or null.'),
    attainment: AttainmentSchema.describe(
      "How far the target has come against the report's period (report-core targetAttainment).",
    ),
  })
  .describe('One quantitative target with where it sits and how its measure is doing.');
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

/** Every target of the report in reading order. */
export function indicatorRows(report: ReadonlyReport): IndicatorRow[] {
  return listMeasures(report).flatMap((m) =>
    m.indicators.map((i) => ({
      id: i.id,
      measureId: m.id,
      chapterNumber: m.chapterNumber,
      chapterTitle: m.chapterTitle,
      metric: i.metric,
      value: i.value,
      unit: i.unit,
      comparator: i.comparator,
      ...(i.baseline === undefined ? {} : { baseline: i.baseline }),
      raw: i.raw,
      aspirational: i.aspirational,
      commitment: commitmentOf(i),
      commitmentLabel: commitmentLabel(i),
      ...(i.kind === undefined ? {} : { kind: i.kind }),
      ...(i.upper === undefined ? {} : { upper: i.upper }),
      target: formatTarget(i),
      status: m.measure.tracking.status,
      progress: m.measure.tracking.progress,
      attainment: targetAttainment(i, report.meta.period),
    })),
  );
}
