import { z } from 'zod';
import { DepartmentSchema, ObservationSchema } from '../model/follow-up.js';
import { BaselineSchema, IndicatorSchema } from '../model/indicator.js';
import { EditorialNoteSchema } from '../model/note.js';
import {
  ChapterSchema,
  GoalSchema,
  IdeologySchema,
  MeasureSchema,
  ReportMetaSchema,
  SectionSchema,
} from '../model/report.js';

// Patches name only the fields an editor may change; ids, provenance and child lists are not patchable.
// For an optional field, `null` removes it, so an inverse can restore "absent" exactly.

export const ChapterPatchSchema = z
  .strictObject({ title: ChapterSchema.shape.title.optional() })
  .describe(
    'Fields of a chapter to change; title null means the heading is missing in the source.',
  );
export type ChapterPatch = z.infer<typeof ChapterPatchSchema>;

export const SectionPatchSchema = z
  .strictObject({ title: SectionSchema.shape.title.optional() })
  .describe(
    'Fields of a section to change; title null means the heading is missing in the source.',
  );
export type SectionPatch = z.infer<typeof SectionPatchSchema>;

export const MeasurePatchSchema = z
  .strictObject({
    text: MeasureSchema.shape.text.optional(),
    places: MeasureSchema.shape.places.optional(),
  })
  .describe('Fields of a measure to change. Its indicators must still occur in the new text.');
export type MeasurePatch = z.infer<typeof MeasurePatchSchema>;

export const IndicatorPatchSchema = z
  .strictObject({
    metric: IndicatorSchema.shape.metric.optional(),
    value: IndicatorSchema.shape.value.optional(),
    unit: IndicatorSchema.shape.unit.optional(),
    comparator: IndicatorSchema.shape.comparator.optional(),
    baseline: BaselineSchema.nullable().optional().describe('null removes the baseline.'),
    raw: IndicatorSchema.shape.raw.optional(),
    aspirational: IndicatorSchema.shape.aspirational.optional(),
    commitment: IndicatorSchema.shape.commitment
      .unwrap()
      .nullable()
      .optional()
      .describe('null removes it.'),
    kind: IndicatorSchema.shape.kind.unwrap().nullable().optional().describe('null removes it.'),
    upper: IndicatorSchema.shape.upper.unwrap().nullable().optional().describe('null removes it.'),
  })
  .describe('Fields of an indicator to change.');
export type IndicatorPatch = z.infer<typeof IndicatorPatchSchema>;

const note = EditorialNoteSchema.shape;
export const NotePatchSchema = z
  .strictObject({
    kind: note.kind.optional(),
    status: note.status.optional().describe("'resolved' resolves the note, 'open' reopens it."),
    visibility: note.visibility
      .unwrap()
      .nullable()
      .optional()
      .describe('internal or public; null removes the field (the note is then public).'),
    nodeIds: note.nodeIds.optional(),
    sourceLines: note.sourceLines.optional(),
    removedText: note.removedText
      .unwrap()
      .nullable()
      .optional()
      .describe('null removes the field.'),
    originalText: note.originalText
      .unwrap()
      .nullable()
      .optional()
      .describe('null removes the field.'),
    correctedText: note.correctedText
      .unwrap()
      .nullable()
      .optional()
      .describe('null removes the field.'),
    reasoning: note.reasoning.optional(),
  })
  .describe('Fields of an editorial note to change.');
export type NotePatch = z.infer<typeof NotePatchSchema>;

export const GoalPatchSchema = z
  .strictObject({
    subject: GoalSchema.shape.subject.optional(),
    target: GoalSchema.shape.target.optional(),
  })
  .describe('Fields of a main goal to change.');
export type GoalPatch = z.infer<typeof GoalPatchSchema>;

export const IdeologyPatchSchema = z
  .strictObject({ text: IdeologySchema.shape.text.optional() })
  .describe('Fields of the guiding ideology to change.');
export type IdeologyPatch = z.infer<typeof IdeologyPatchSchema>;

const meta = ReportMetaSchema.shape;
export const MetaPatchSchema = z
  .strictObject({
    title: meta.title.optional(),
    subtitle: meta.subtitle.unwrap().nullable().optional().describe('null removes the subtitle.'),
    scope: meta.scope.optional(),
    issuer: meta.issuer.optional(),
    period: meta.period.optional(),
  })
  .describe(
    'Fields of the report metadata to change; the source document and provenance are fixed.',
  );
export type MetaPatch = z.infer<typeof MetaPatchSchema>;

const observation = ObservationSchema.shape;
/** The fields of an observation `observation.update` may change; null removes basis or note. */
export const ObservationPatchSchema = z
  .strictObject({
    date: observation.date.optional(),
    value: observation.value.optional(),
    basis: observation.basis
      .unwrap()
      .nullable()
      .optional()
      .describe('null removes it (the value is then cumulative).'),
    source: observation.source.optional(),
    note: observation.note.unwrap().nullable().optional().describe('null removes the note.'),
  })
  .describe('Fields of an observed value of a target to change.');
/** A patch of an observation (see {@link ObservationPatchSchema}). */
export type ObservationPatch = z.infer<typeof ObservationPatchSchema>;

/** The fields of a department `department.update` may change: its name. */
export const DepartmentPatchSchema = z
  .strictObject({ name: DepartmentSchema.shape.name.optional() })
  .describe('Fields of a department to change.');
/** A patch of a department (see {@link DepartmentPatchSchema}). */
export type DepartmentPatch = z.infer<typeof DepartmentPatchSchema>;

/** Optional fields of each patchable kind: there `null` deletes the key instead of storing null. */
export const REMOVABLE_FIELDS = {
  indicator: ['baseline', 'commitment', 'kind', 'upper'],
  note: ['visibility', 'removedText', 'originalText', 'correctedText'],
  meta: ['subtitle'],
  observation: ['basis', 'note'],
} as const;
