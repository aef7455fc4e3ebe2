import { z } from 'zod';
import { ScoreStatusSchema } from '@leshan/report-core';

// Issue 19 point 3: the filters of /measures, read from a plain GET form (no JavaScript needed).

/** An empty form field means "no filter": `?status=` is the same as no `status`. */
const blankToUndefined = (v: unknown): unknown => (v === '' ? undefined : v);

const idField = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${what}只能选一个` })
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/u, {
        error: `${what}编号只能由小写字母、数字和连字符组成，请从列表中选择`,
      })
      .optional(),
  );

export const MeasureQuerySchema = z
  .object({
    status: z
      .preprocess(
        blankToUndefined,
        z
          .enum(ScoreStatusSchema.options, {
            error: '状态只能是：未开始、推进中、已完成、滞后、待核实或未报告，请从列表中选择',
          })
          .optional(),
      )
      .describe('Current status of the measure, or not-reported (未报告).'),
    chapter: z
      .preprocess(
        blankToUndefined,
        z.coerce
          .number({ error: '章须是数字（如 1 表示第一章）' })
          .int({ error: '章须是整数（如 1 表示第一章）' })
          .min(1, { error: '章须在 1 以上' })
          .max(99, { error: '章不能大于 99' })
          .optional(),
      )
      .describe('Chapter number.'),
    district: idField('地区').describe('A place of report.places the measure names.'),
    department: idField('部门').describe(
      'A department of report.departments that leads or shares the measure.',
    ),
  })
  .describe('The filters of the measures list.');
export type MeasureQuery = z.infer<typeof MeasureQuerySchema>;
