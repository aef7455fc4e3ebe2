import { z } from 'zod';
import { safeString } from './text-safety.js';
import { NodeIdSchema } from './ids.js';
import { ObservationSchema } from './follow-up.js';

export const ComparatorSchema = z
  .enum(['gte', 'lte', 'eq', 'approx', 'gt'])
  .describe('gte: 以上/不少于; lte: 以内/不超过; eq: exact; approx: 左右/约; gt: 突破/超过.');
export type Comparator = z.infer<typeof ComparatorSchema>;

/** A short symbol for each comparator (≥, ≤, =, ≈, >, <). */
export const COMPARATOR_SYMBOLS: Record<Comparator, string> = {
  gte: '≥',
  lte: '≤',
  eq: '=',
  approx: '≈',
  gt: '>',
};

/** The words for each comparator, in Chinese and English (达到/不低于 …). */
export const COMPARATOR_LABELS: Record<Comparator, { zh: string; en: string }> = {
  gte: { zh: '不低于', en: 'at least' },
  lte: { zh: '不超过', en: 'at most' },
  eq: { zh: '达到', en: 'equal to' },
  approx: { zh: '约', en: 'about' },
  gt: { zh: '超过', en: 'more than' },
};

export const TargetKindSchema = z
  .enum(['increment', 'level', 'rate', 'share'])
  .describe(
    'increment: an amount added (新建, 新增, 改造); level: a level to reach or keep (达到, 提高到, 控制在); rate: a rate of change (增长, 下降, 降低, 年均); share: a share of a whole (占…比重).',
  );
export type TargetKind = z.infer<typeof TargetKindSchema>;

export const CommitmentSchema = z
  .enum(['binding', 'aspirational', 'unstated'])
  .describe(
    'How the report words the commitment: binding 确保; aspirational 力争, 争创, 争取, 努力; unstated when it uses neither. Never a planning label (约束性/预期性) the report does not use.',
  );
export type Commitment = z.infer<typeof CommitmentSchema>;

export const BaselineSchema = z
  .strictObject({
    year: z.int().min(1949).max(2100).describe('The year the target is measured against.'),
    raw: safeString().min(1).describe('The wording of the baseline, e.g. 较2020年.'),
    observation: ObservationSchema.optional().describe(
      'The value in the baseline year, recorded like an observation; a relative target needs it to be measured (issue 18).',
    ),
  })
  .describe('What a relative target (翻一番, 倍增) is measured against.');
export type Baseline = z.infer<typeof BaselineSchema>;

export const IndicatorSchema = z
  .strictObject({
    id: NodeIdSchema,
    metric: safeString().min(1).max(200).describe('What is measured, e.g. 新建高速公路.'),
    value: z
      .number({ error: '目标值必须是数字，如 210 (value must be a number)' })
      .refine(Number.isFinite, { error: '数值必须是有限数 (value must be a finite number)' })
      .describe('The target in the base unit, magnitude words applied: 2000亿元 → 200000000000.'),
    unit: safeString()
      .min(1)
      .max(20)
      .describe('Base unit without magnitude word: 元, 公里, 立方米, %, 个, 倍 …'),
    upper: z
      .number({ error: '区间上限必须是数字，如 5 (upper must be a number)' })
      .refine(Number.isFinite, { error: '上限必须是有限数 (upper must be a finite number)' })
      .optional()
      .describe('For a range (4.5%-5%, 4.5%至5%): the upper bound; value is then the lower bound.'),
    comparator: ComparatorSchema,
    kind: TargetKindSchema.optional().describe('What kind of target the wording states.'),
    commitment: CommitmentSchema.optional().describe(
      'The commitment as the wording states it; when present it decides (labels: commitmentLabel). Absent on data curated before issue 17, where aspirational is read instead.',
    ),
    baseline: BaselineSchema.optional(),
    raw: safeString()
      .min(1)
      .describe("The exact substring of the measure's text this target was read from."),
    observations: z
      .array(ObservationSchema)
      .optional()
      .describe('Dated actual values, oldest first (issue 18); absent means none yet.'),
    aspirational: z
      .boolean()
      .describe(
        'true when the wording is aspirational (力争, 争创, 努力); false when binding (确保) or plain.',
      ),
  })
  .describe('A quantitative target inside a measure’s text.');
export type Indicator = z.infer<typeof IndicatorSchema>;
