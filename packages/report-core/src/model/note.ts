import { z } from 'zod';
import { safeString } from './text-safety.js';
import { NodeIdSchema } from './ids.js';
import type { DeepReadonly } from './readonly.js';

export const NoteKindSchema = z
  .enum(['duplicate-removed', 'relocated', 'corrected', 'missing-in-source', 'ambiguous'])
  .describe('What kind of repair of the source the note records.');
export type NoteKind = z.infer<typeof NoteKindSchema>;

/** The name of each kind of editorial note, in Chinese and English. */
export const NOTE_KIND_LABELS: Record<NoteKind, { zh: string; en: string }> = {
  'duplicate-removed': { zh: '删除重复', en: 'Duplicate removed' },
  relocated: { zh: '调整位置', en: 'Relocated' },
  corrected: { zh: '更正', en: 'Corrected' },
  'missing-in-source': { zh: '原文缺失', en: 'Missing in source' },
  ambiguous: { zh: '存疑', en: 'Ambiguous' },
};

export const NoteStatusSchema = z
  .enum(['open', 'resolved'])
  .describe('open: an editorial question still to decide; resolved: decided.');
export type NoteStatus = z.infer<typeof NoteStatusSchema>;

/** The name of each note status (open, resolved), in Chinese and English. */
export const NOTE_STATUS_LABELS: Record<NoteStatus, { zh: string; en: string }> = {
  open: { zh: '待决定', en: 'Open' },
  resolved: { zh: '已处理', en: 'Resolved' },
};

export const NoteVisibilitySchema = z
  .enum(['internal', 'public'])
  .describe('internal: for editors only, never published; public: published with the report.');
export type NoteVisibility = z.infer<typeof NoteVisibilitySchema>;

/** Each note visibility in Chinese and English, as forms and the publish checklist name it. */
export const NOTE_VISIBILITY_LABELS: Record<NoteVisibility, { zh: string; en: string }> = {
  internal: { zh: '内部（不公开）', en: 'Internal (not published)' },
  public: { zh: '公开', en: 'Public' },
};

export const EditorialNoteSchema = z
  .strictObject({
    id: NodeIdSchema,
    kind: NoteKindSchema,
    status: NoteStatusSchema,
    visibility: NoteVisibilitySchema.optional().describe(
      'Who sees the note. Absent means public: every repair recorded before notes had a visibility was published.',
    ),
    nodeIds: z.array(NodeIdSchema).describe('The report nodes the note concerns.'),
    sourceLines: z
      .array(z.int().min(1))
      .describe('1-based lines of the source text the repair concerns.'),
    removedText: z
      .array(safeString().min(1))
      .optional()
      .describe(
        'For removed duplicates: the paragraphs that were dropped, as they read in the source.',
      ),
    originalText: safeString()
      .min(1)
      .optional()
      .describe('For corrections: the text as the source has it.'),
    correctedText: safeString()
      .min(1)
      .optional()
      .describe('For corrections: the text as published.'),
    reasoning: safeString().min(1).max(4000).describe('Why the repair was made, in Chinese.'),
  })
  .describe('A record of one repair of the source document.');
export type EditorialNote = z.infer<typeof EditorialNoteSchema>;

/** A note's visibility; a note recorded without one is public (issue 13: the canonical repairs are published). */
export function noteVisibility(note: DeepReadonly<EditorialNote>): NoteVisibility {
  return note.visibility ?? 'public';
}
