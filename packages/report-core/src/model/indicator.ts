import { z } from 'zod';
import { safeString } from './text-safety.js';
import { NodeIdSchema } from './ids.js';

export const ComparatorSchema = z
  .enum(['gte', 'lte', 'eq', 'approx', 'gt'])
  .describe('gte: 以上/不少于; lte: 以内/不超过; eq: exact; approx: 左右/约; gt: 突破/超过.');
export type Comparator = z.infer<typeof ComparatorSchema>;

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = {
  gte: '≥',
  lte: '≤',
  eq: '=',
  approx: '≈',
  gt: '>',
};

export const COMPARATOR_LABELS: Record<Comparator, { zh: string; en: string }> = {
  gte: { zh: '不低于', en: 'at least' },
  lte: { zh: '不超过', en: 'at most' },
  eq: { zh: '达到', en: 'equal to' },
  approx: { zh: '约', en: 'about' },
  gt: { zh: '超过', en: 'more than' },
};

export const BaselineSchema = z
  .strictObject({
    year: z.int().min(1949).max(2100).describe('The year the target is measured against.'),
    raw: safeString().min(1).describe('The wording of the baseline, e.g. 较2020年.'),
  })
  .describe('What a relative target (翻一番, 倍增) is measured against.');
export type Baseline = z.infer<typeof BaselineSchema>;

export const IndicatorSchema = z
  .strictObject({
    id: NodeIdSchema,
    metric: safeString().min(1).max(200).describe('What is measured, e.g. 新建高速公路.'),
    value: z
      .number()
      .refine(Number.isFinite, { error: '数值必须是有限数 (value must be a finite number)' })
      .describe('The target in the base unit, magnitude words applied: 2000亿元 → 200000000000.'),
    unit: safeString()
      .min(1)
      .max(20)
      .describe('Base unit without magnitude word: 元, 公里, 立方米, %, 个, 倍 …'),
    comparator: ComparatorSchema,
    baseline: BaselineSchema.optional(),
    raw: safeString()
      .min(1)
      .describe("The exact substring of the measure's text this target was read from."),
    aspirational: z
      .boolean()
      .describe(
        'true when the wording is aspirational (力争, 争创, 努力); false when binding (确保) or plain.',
      ),
  })
  .describe('A quantitative target inside a measure’s text.');
export type Indicator = z.infer<typeof IndicatorSchema>;
