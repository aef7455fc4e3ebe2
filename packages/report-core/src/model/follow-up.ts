import { z } from 'zod';
import { safeString } from './text-safety.js';
import { NodeIdSchema } from './ids.js';
import { EvidenceUrlSchema, IsoDateSchema } from './tracking.js';

// Following the five-year targets (issue 18): what was actually achieved, who answers for each
// measure, and by when. The source has none of this: the canonical data starts empty and nothing
// is invented. Every field is optional on the report so data made before issue 18 still reads and
// keeps its content hash.

const finite = (zh: string, en: string) =>
  z.number({ error: `${zh} (${en})` }).refine(Number.isFinite, { error: `${zh} (${en})` });

export const ObservationBasisSchema = z
  .enum(['cumulative', 'annual'])
  .describe(
    'cumulative 累计: the total since the start of the period, as of `date`; annual 当年: the amount of the one year `date` falls in. Only an increment target reads it; absent means cumulative.',
  );
export type ObservationBasis = z.infer<typeof ObservationBasisSchema>;

export const ObservationSourceSchema = z
  .strictObject({
    title: safeString()
      .regex(/\S/u, { error: '来源名称不能为空 (the source title must not be empty)' })
      .trim()
      .min(1, { error: '来源名称不能为空 (the source title must not be empty)' })
      .max(200, { error: '来源名称不能超过 200 字 (source title at most 200 characters)' })
      .describe('What the figure comes from, e.g. 2024年乐山市国民经济和社会发展统计公报.'),
    url: EvidenceUrlSchema.optional(),
  })
  .describe('Where an observed value is published.');
export type ObservationSource = z.infer<typeof ObservationSourceSchema>;

export const ObservationSchema = z
  .strictObject({
    id: NodeIdSchema,
    date: IsoDateSchema.describe('The day the value describes (截至), YYYY-MM-DD.'),
    value: finite('实际值必须是数字，如 90', 'value must be a finite number').describe(
      "The observed value in the target's unit (the same base unit as Indicator.value).",
    ),
    basis: ObservationBasisSchema.optional(),
    source: ObservationSourceSchema,
    note: safeString().trim().max(2000).optional(),
  })
  .describe('A dated actual value of a target, with its source.');
export type Observation = z.infer<typeof ObservationSchema>;

export const DepartmentSchema = z
  .strictObject({
    id: NodeIdSchema,
    name: safeString()
      .regex(/\S/u, { error: '单位名称不能为空 (department name must not be empty)' })
      .trim()
      .min(1, { error: '单位名称不能为空 (department name must not be empty)' })
      .max(60, { error: '单位名称不能超过 60 字 (department name at most 60 characters)' })
      .describe('The name as the public knows it, e.g. 市交通运输局.'),
  })
  .describe('A department (bureau) that can lead or share responsibility for measures.');
export type Department = z.infer<typeof DepartmentSchema>;

export const MilestoneSchema = z
  .strictObject({
    id: NodeIdSchema,
    year: z.int().min(1949).max(2100).describe('The year the milestone is due in.'),
    text: safeString()
      .regex(/\S/u, { error: '节点内容不能为空 (milestone text must not be empty)' })
      .trim()
      .min(1, { error: '节点内容不能为空 (milestone text must not be empty)' })
      .max(500),
    done: z.boolean().describe('Whether the milestone has been reached.'),
  })
  .describe('A yearly milestone (年度节点) of a measure.');
export type Milestone = z.infer<typeof MilestoneSchema>;

export const ResponsibilitySchema = z
  .strictObject({
    lead: NodeIdSchema.nullable().describe(
      'The lead department (牵头单位), a report.departments id.',
    ),
    co: z
      .array(NodeIdSchema)
      .describe('Co-responsible departments (责任单位), report.departments ids, lead excluded.'),
    deadline: IsoDateSchema.nullable().describe('When the measure is due (完成时限), YYYY-MM-DD.'),
    milestones: z.array(MilestoneSchema).describe('Yearly milestones, by year.'),
  })
  .describe('Who answers for a measure and by when. The source states none of it.');
export type Responsibility = z.infer<typeof ResponsibilitySchema>;

export const VerdictSchema = z
  .enum(['met', 'on-track', 'behind', 'not-reported'])
  .describe('met 已达成, on-track 进度正常, behind 滞后, not-reported 未报告.');
export type Verdict = z.infer<typeof VerdictSchema>;

/** The name of each verdict, in Chinese and English. */
export const VERDICT_LABELS: Record<Verdict, { zh: string; en: string }> = {
  met: { zh: '已达成', en: 'Met' },
  'on-track': { zh: '进度正常', en: 'On track' },
  behind: { zh: '滞后', en: 'Behind' },
  'not-reported': { zh: '未报告', en: 'Not reported' },
};

export const AttainmentRuleSchema = z
  .enum(['increment', 'level', 'ceiling', 'relative'])
  .describe(
    'How attainment was computed: increment (amount added since the period began), level (latest value against the target), ceiling (≤: met while the latest value stays within it), relative (change against the baseline value).',
  );
export type AttainmentRule = z.infer<typeof AttainmentRuleSchema>;

export const AttainmentSchema = z
  .strictObject({
    rule: AttainmentRuleSchema,
    verdict: VerdictSchema,
    achieved: z
      .number()
      .nullable()
      .describe('What counts toward the target, in its unit; null when not reported.'),
    percent: z
      .number()
      .nullable()
      .describe(
        'Attainment in % of the target (may exceed 100); null when not reported or not computable.',
      ),
    asOf: IsoDateSchema.nullable().describe('The date of the latest observation used.'),
    elapsed: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('Share of the report period elapsed at asOf (0–1).'),
    missing: z
      .enum(['observations', 'baseline'])
      .optional()
      .describe(
        'Why a target is not reported: no observation, or a relative target without its baseline value.',
      ),
  })
  .describe("A target's attainment, computed by report-core's targetAttainment.");
export type Attainment = z.infer<typeof AttainmentSchema>;
