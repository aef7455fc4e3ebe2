import { z } from 'zod';
import { NodeIdSchema } from '../model/ids.js';
import { DepartmentSchema, ObservationSchema, ResponsibilitySchema } from '../model/follow-up.js';
import { IndicatorSchema } from '../model/indicator.js';
import { EditorialNoteSchema } from '../model/note.js';
import { ChapterSchema, MeasureSchema, SectionSchema } from '../model/report.js';
import { ProgressSchema, ProgressUpdateSchema, TrackingStatusSchema } from '../model/tracking.js';
import {
  ChapterPatchSchema,
  DepartmentPatchSchema,
  GoalPatchSchema,
  IdeologyPatchSchema,
  IndicatorPatchSchema,
  MeasurePatchSchema,
  MetaPatchSchema,
  NotePatchSchema,
  ObservationPatchSchema,
  SectionPatchSchema,
} from './patch-schemas.js';

const IndexSchema = z
  .int()
  .min(0)
  .describe('0-based position in the list; absent appends at the end.');
const ToIndexSchema = z
  .int()
  .min(0)
  .describe(
    '0-based position the node ends up at in the destination list (counted after taking it out).',
  );

/** One reference of an editorial note to a node, restored by the undo of a remove. */
export const NoteRefSchema = z
  .strictObject({
    noteId: NodeIdSchema,
    index: z.int().min(0).describe('Position in the note’s nodeIds, applied in the order given.'),
    nodeId: NodeIdSchema,
  })
  .describe('A reference from note.nodeIds to put back.');
export type NoteRef = z.infer<typeof NoteRefSchema>;

const restoreNoteRefs = z
  .array(NoteRefSchema)
  .optional()
  .describe(
    'Note references to the added node (or its children) to restore; set by invertCommand.',
  );

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) =>
  z.strictObject({ type: z.literal(type), ...shape }).describe(description);

export const CommandSchema = z
  .discriminatedUnion('type', [
    cmd(
      'chapter.add',
      { chapter: ChapterSchema, index: IndexSchema.optional(), restoreNoteRefs },
      'Insert a chapter; numbers are recomputed 1..n.',
    ),
    cmd(
      'chapter.update',
      { id: NodeIdSchema, patch: ChapterPatchSchema },
      'Change a chapter’s title.',
    ),
    cmd(
      'chapter.remove',
      { id: NodeIdSchema },
      'Remove a chapter and everything in it; numbers are recomputed.',
    ),
    cmd(
      'chapter.move',
      { id: NodeIdSchema, toIndex: ToIndexSchema },
      'Reorder a chapter; numbers are recomputed.',
    ),
    cmd(
      'section.add',
      {
        chapterId: NodeIdSchema,
        section: SectionSchema,
        index: IndexSchema.optional(),
        restoreNoteRefs,
      },
      'Insert a section into a chapter.',
    ),
    cmd(
      'section.update',
      { id: NodeIdSchema, patch: SectionPatchSchema },
      'Change a section’s title.',
    ),
    cmd('section.remove', { id: NodeIdSchema }, 'Remove a section and its measures.'),
    cmd(
      'section.move',
      { id: NodeIdSchema, toChapterId: NodeIdSchema, toIndex: ToIndexSchema },
      'Move a section, possibly to another chapter.',
    ),
    cmd(
      'measure.add',
      {
        sectionId: NodeIdSchema,
        measure: MeasureSchema,
        index: IndexSchema.optional(),
        restoreNoteRefs,
      },
      'Insert a measure into a section.',
    ),
    cmd(
      'measure.update',
      { id: NodeIdSchema, patch: MeasurePatchSchema },
      'Change a measure’s text or places.',
    ),
    cmd(
      'measure.remove',
      { id: NodeIdSchema },
      'Remove a measure with its indicators and tracking.',
    ),
    cmd(
      'measure.move',
      { id: NodeIdSchema, toSectionId: NodeIdSchema, toIndex: ToIndexSchema },
      'Move a measure, possibly to another section.',
    ),
    cmd(
      'indicator.add',
      {
        measureId: NodeIdSchema,
        indicator: IndicatorSchema,
        index: IndexSchema.optional(),
        restoreNoteRefs,
      },
      'Add a target to a measure.',
    ),
    cmd('indicator.update', { id: NodeIdSchema, patch: IndicatorPatchSchema }, 'Change a target.'),
    cmd('indicator.remove', { id: NodeIdSchema }, 'Remove a target.'),
    cmd(
      'indicator.move',
      { id: NodeIdSchema, toIndex: ToIndexSchema },
      'Reorder a target within its measure.',
    ),
    cmd(
      'tracking.set',
      {
        measureId: NodeIdSchema,
        status: TrackingStatusSchema.nullable()
          .optional()
          .describe('null clears the status; absent leaves it.'),
        progress: ProgressSchema.nullable()
          .optional()
          .describe('null clears the progress; absent leaves it.'),
      },
      'Set a measure’s tracking status and/or progress.',
    ),
    cmd(
      'progress.add',
      {
        measureId: NodeIdSchema,
        update: ProgressUpdateSchema,
        index: IndexSchema.optional(),
        restoreNoteRefs,
      },
      'Record a progress update on a measure.',
    ),
    cmd(
      'progress.remove',
      {
        id: NodeIdSchema,
        restoreTracking: z
          .strictObject({
            status: TrackingStatusSchema.nullable(),
            progress: ProgressSchema.nullable(),
          })
          .optional()
          .describe(
            'The measure’s state once no update reports a status; set by invertCommand (default: not reported).',
          ),
      },
      'Remove a progress update; the measure’s state follows its latest remaining update.',
    ),
    cmd(
      'observation.add',
      { indicatorId: NodeIdSchema, observation: ObservationSchema, index: IndexSchema.optional() },
      'Record an actual value of a target (observations are kept oldest first by the editor).',
    ),
    cmd(
      'observation.update',
      { id: NodeIdSchema, patch: ObservationPatchSchema },
      'Change an observed value, its date, basis, source or note.',
    ),
    cmd('observation.remove', { id: NodeIdSchema }, 'Remove an observed value.'),
    cmd(
      'baseline.set',
      {
        indicatorId: NodeIdSchema,
        observation: ObservationSchema.nullable().describe('null removes the baseline value.'),
      },
      'Record (or remove) the observed baseline value of a target that has a baseline.',
    ),
    cmd(
      'department.add',
      { department: DepartmentSchema, index: IndexSchema.optional() },
      'Add a department to the managed list.',
    ),
    cmd(
      'department.update',
      { id: NodeIdSchema, patch: DepartmentPatchSchema },
      'Rename a department.',
    ),
    cmd(
      'department.remove',
      { id: NodeIdSchema },
      'Remove a department; refused while a measure names it as responsible.',
    ),
    cmd(
      'responsibility.set',
      {
        measureId: NodeIdSchema,
        responsibility: ResponsibilitySchema.nullable().describe(
          'null removes it (no department, deadline or milestone named).',
        ),
      },
      'Set who answers for a measure and by when: lead, co-responsible departments, deadline, milestones.',
    ),
    cmd(
      'note.add',
      { note: EditorialNoteSchema, index: IndexSchema.optional(), restoreNoteRefs },
      'Add an editorial note.',
    ),
    cmd(
      'note.update',
      { id: NodeIdSchema, patch: NotePatchSchema },
      'Change an editorial note (status resolved resolves it).',
    ),
    cmd('note.remove', { id: NodeIdSchema }, 'Remove an editorial note.'),
    cmd('goal.update', { id: NodeIdSchema, patch: GoalPatchSchema }, 'Change a main goal.'),
    cmd('ideology.update', { patch: IdeologyPatchSchema }, 'Change the guiding ideology.'),
    cmd(
      'meta.update',
      { patch: MetaPatchSchema },
      'Change the report’s title, subtitle, scope, issuer or period.',
    ),
  ])
  .describe('One edit of a report, as plain JSON data; applied by applyCommand.');
export type Command = z.infer<typeof CommandSchema>;
/** A command's `type` (measure.update, chapter.add, …). */
export type CommandType = Command['type'];
/** The command of one type, e.g. `CommandOf<'measure.move'>`. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Every command type, in the order CommandSchema lists them. */
export const COMMAND_TYPES = CommandSchema.options.map(
  (o) => o.shape.type.value,
) as readonly CommandType[];
