import { z } from 'zod';
import { NodeIdSchema, ProvenanceSchema } from './ids.js';
import { IndicatorSchema } from './indicator.js';
import { TrackingSchema } from './tracking.js';
import { PlaceSchema } from './place.js';
import { EditorialNoteSchema } from './note.js';
import { checkReportInvariants } from './invariants.js';
import { safeString } from './text-safety.js';
import { DepartmentSchema, ResponsibilitySchema } from './follow-up.js';

const TextSchema = safeString()
  // Not blank: the JSON Schema says it as a pattern; zod also trims.
  .regex(/\S/u, { error: '文字不能为空 (text must not be empty)' })
  .trim()
  .min(1, { error: '文字不能为空 (text must not be empty)' })
  .max(4000, { error: '文字不能超过 4000 字 (text must be at most 4000 characters)' });

const TitleSchema = safeString()
  .regex(/\S/u, { error: '标题不能为空 (title must not be empty)' })
  .trim()
  .min(1, { error: '标题不能为空 (title must not be empty)' })
  .max(200, { error: '标题不能超过 200 字 (title must be at most 200 characters)' });

export const MeasureSchema = z
  .strictObject({
    id: NodeIdSchema,
    text: TextSchema.describe('The measure as published, full-width punctuation.'),
    indicators: z.array(IndicatorSchema).describe('Curated quantitative targets in the text.'),
    places: z.array(NodeIdSchema).describe('Ids of the places (report.places) the text names.'),
    tracking: TrackingSchema,
    responsibility: ResponsibilitySchema.optional().describe(
      'Lead and co-responsible departments, deadline and milestones (issue 18); absent means none named.',
    ),
    provenance: ProvenanceSchema.optional(),
  })
  .describe(
    'One measure (举措): a paragraph of the report that commits the government to an action.',
  );
export type Measure = z.infer<typeof MeasureSchema>;

export const SectionSchema = z
  .strictObject({
    id: NodeIdSchema,
    title: TitleSchema.nullable().describe(
      'null when the source lacks the heading (see the editorial notes).',
    ),
    measures: z.array(MeasureSchema),
    provenance: ProvenanceSchema.optional(),
  })
  .describe('A section of a chapter: a heading and its measures.');
export type Section = z.infer<typeof SectionSchema>;

export const ChapterSchema = z
  .strictObject({
    id: NodeIdSchema,
    number: z.int().min(1).describe('1-based; chapters are numbered 1..n without gaps.'),
    title: TitleSchema.nullable().describe(
      'null when the source lacks the heading (see the editorial notes).',
    ),
    sections: z.array(SectionSchema),
    provenance: ProvenanceSchema.optional(),
  })
  .describe('A numbered chapter of measures.');
export type Chapter = z.infer<typeof ChapterSchema>;

export const GoalSchema = z
  .strictObject({
    id: NodeIdSchema,
    subject: TitleSchema.describe('What the goal is about, e.g. 经济实力.'),
    target: TitleSchema.describe('What it should become, e.g. 明显增强.'),
    provenance: ProvenanceSchema.optional(),
  })
  .describe('One of the main goals (主要目标).');
export type Goal = z.infer<typeof GoalSchema>;

export const IdeologySchema = z
  .strictObject({
    id: NodeIdSchema,
    text: TextSchema,
    provenance: ProvenanceSchema.optional(),
  })
  .describe('The guiding ideology (指导思想).');
export type Ideology = z.infer<typeof IdeologySchema>;

export const SourceDocumentSchema = z
  .strictObject({
    file: safeString().min(1).describe('File name of the shipped source copy.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('sha256 of the source file, lower-case hex.'),
    lineCount: z
      .int()
      .min(1)
      .describe('Number of lines in the source file; provenance lines are at most this.'),
    description: safeString().min(1),
  })
  .describe('The document the report was made from.');
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

/** The years a report's period may lie in (1949–2100). */
export const PERIOD_YEARS = { min: 1949, max: 2100 } as const;

/** The years a report covers, first ≤ last (the JSON Schema spells the order out year by year). */
export const PeriodSchema = z
  .strictObject({
    start: z.int().min(PERIOD_YEARS.min).max(PERIOD_YEARS.max),
    end: z.int().min(PERIOD_YEARS.min).max(PERIOD_YEARS.max),
  })
  .refine((p) => p.start <= p.end, {
    error: '起始年份不能晚于结束年份 (period start must not be after its end)',
  });

export const ReportMetaSchema = z
  .strictObject({
    title: TitleSchema,
    subtitle: TitleSchema.optional(),
    scope: TitleSchema.describe('What part of the work report this is, e.g. 今后五年工作.'),
    issuer: TitleSchema.describe('The issuing government.'),
    period: PeriodSchema,
    language: z.literal('zh-CN'),
    source: SourceDocumentSchema,
    provenance: ProvenanceSchema.optional().describe('Lines of the title, subtitle and scope.'),
  })
  .describe('What the report is and where it comes from.');
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

/** The version of the report format that ReportSchema reads and writes (`schemaVersion`). */
export const REPORT_SCHEMA_VERSION = 1;

/** A report's shape without the cross-field invariants that ReportSchema adds (unique ids, numbering, references). */
export const ReportShapeSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  id: NodeIdSchema.describe('The report’s own id.'),
  meta: ReportMetaSchema,
  goals: z.array(GoalSchema).describe('The main goals (主要目标).'),
  ideology: IdeologySchema,
  chapters: z.array(ChapterSchema),
  places: z.array(PlaceSchema).describe('The gazetteer of places measures can name.'),
  notes: z.array(EditorialNoteSchema).describe('Every repair of the source, with its reasoning.'),
  departments: z
    .array(DepartmentSchema)
    .optional()
    .describe(
      'The managed list of departments measures name as responsible (issue 18); absent means none.',
    ),
});

/** A whole report, with every invariant (unique ids, chapter numbering, …) checked. */
export const ReportSchema = ReportShapeSchema.superRefine(checkReportInvariants).describe(
  'A government work report as validated open data.',
);
export type Report = z.infer<typeof ReportSchema>;
