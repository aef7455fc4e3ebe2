import { ScoreboardSchema } from '@leshan/report-core';
import { z } from 'zod';
import {
  AttainmentSchema,
  IndicatorSchema,
  MeasureSchema,
  MilestoneSchema,
  ObservationSchema,
} from '@leshan/report-core';
import { ArtifactSchema, EditionSummarySchema, Sha256Schema } from '../../schemas.js';
import { IndicatorRowSchema } from '@leshan/report-views';

export const EditionRefSchema = z
  .object({ id: z.string(), number: z.int().min(1), hash: Sha256Schema })
  .describe('The edition an answer was read from.');
export type EditionRef = z.infer<typeof EditionRefSchema>;

export const EditionListSchema = z
  .object({ editions: z.array(EditionSummarySchema).describe('Newest first.') })
  .describe('Every published edition.');

export const ArtifactListSchema = z
  .object({
    edition: EditionRefSchema,
    artifacts: z.array(
      ArtifactSchema.extend({ href: z.string().describe('Download address of the file.') }),
    ),
  })
  .describe('The export files of an edition.');

export const PublicIndicatorSchema = IndicatorSchema.extend({
  attainment: AttainmentSchema.describe(
    "The target's attainment against the report's period (report-core targetAttainment); not-reported before any observation.",
  ),
}).describe('A target as published (observations included), with its attainment.');

const ResolvedDepartmentSchema = z
  .object({
    id: z.string().describe('Department id (report.departments).'),
    name: z
      .string()
      .nullable()
      .describe("The department's name; null only if the edition's list lacks the id."),
  })
  .describe('A department named by a measure.');

export const ResolvedResponsibilitySchema = z
  .object({
    lead: ResolvedDepartmentSchema.nullable().describe('The lead department (牵头单位).'),
    co: z.array(ResolvedDepartmentSchema).describe('Co-responsible departments (责任单位).'),
    deadline: z.string().nullable().describe('When the measure is due (完成时限), YYYY-MM-DD.'),
    milestones: z.array(MilestoneSchema).describe('Yearly milestones (年度节点).'),
  })
  .describe("A measure's responsibility with department names resolved.");

export const MeasureResponseSchema = z
  .object({
    edition: EditionRefSchema,
    chapter: z.object({ id: z.string(), number: z.int().min(1), title: z.string().nullable() }),
    section: z.object({ id: z.string(), title: z.string().nullable() }),
    measure: MeasureSchema.extend({ indicators: z.array(PublicIndicatorSchema) }),
    responsibility: ResolvedResponsibilitySchema.nullable().describe(
      'Who answers for the measure and by when; null when the edition records none.',
    ),
    url: z.string().describe('The page that shows the measure, with its anchor.'),
  })
  .describe('One measure with where it sits.');

export const IndicatorListSchema = z
  .object({
    edition: EditionRefSchema,
    total: z.int().min(0).describe('Targets in the edition before filtering.'),
    indicators: z.array(
      IndicatorRowSchema.extend({
        display: z.string().describe('The value written the Chinese way, e.g. 2000亿元.'),
        observations: z
          .array(ObservationSchema)
          .describe('Dated actual values as published, oldest first; empty when none.'),
        attainment: PublicIndicatorSchema.shape.attainment,
      }),
    ),
  })
  .describe('Quantitative targets, flat, filtered and sorted as asked.');

export const EditionParamsSchema = z.object({
  edition: z.string().min(1).max(100).describe('Edition id, number or content hash.'),
});
export const FileParamsSchema = EditionParamsSchema.extend({
  fileName: z.string().min(1).max(200).describe('File name of the export.'),
});
export const MeasureParamsSchema = z.object({
  id: z.string().min(1).max(64).describe('Measure id, e.g. m94.'),
});
export const MeasureQuerySchema = z.object({
  edition: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Edition id, number or hash; the latest when absent.'),
});

export const ApiIndexSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    openapi: z.string(),
    links: z.record(z.string(), z.string()),
  })
  .describe('Where to start.');

/** GET /scoreboard: the latest edition's scoreboard (report-core scoreboard, issue 19). */
export const ScoreboardResponseSchema = z
  .object({
    edition: EditionRefSchema,
    scoreboard: ScoreboardSchema,
  })
  .describe(
    'Every measure by status (未报告 counted), per chapter; targets by verdict; the latest updates.',
  );
