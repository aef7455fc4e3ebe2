import { z } from 'zod';
import { TextOpSchema } from '../edit/diff-text.js';
import { NodeIdSchema } from '../model/ids.js';

const Lines = z
  .array(z.int().min(1))
  .describe('1-based lines of the new text the node is read from.');

/** How an existing node was found again in the new text. */
export const MatchViaSchema = z
  .enum(['exact', 'normalized', 'correction', 'heading', 'similar'])
  .describe(
    'exact: same text; normalized: same after width/space normalization; correction: the new text still has the wording an editorial correction fixed; heading: a measure the editors made of a heading-shaped line; similar: a changed wording.',
  );
export type MatchVia = z.infer<typeof MatchViaSchema>;

export const CuratedDataSchema = z
  .object({
    indicators: z.array(z.object({ id: NodeIdSchema, raw: z.string() })),
    places: z.array(NodeIdSchema),
    status: z.string().nullable(),
    progress: z.int().nullable(),
    updates: z.int().min(0).describe('Number of progress updates.'),
    notes: z.array(NodeIdSchema).describe('Editorial notes that name the node.'),
    observations: z
      .int()
      .min(0)
      .describe(
        "Observed values and baseline values recorded on the measure's targets (issue 18).",
      ),
    responsibility: z
      .boolean()
      .describe('Whether the measure names responsible departments, a deadline or milestones.'),
  })
  .describe('What editors curated on a measure.');
export type CuratedData = z.infer<typeof CuratedDataSchema>;

const NodeTypeSchema = z.enum(['measure', 'section', 'chapter', 'ideology']);

/** One item of a merge proposal: a measure unchanged, changed, new, removed or moved. */
export const MergeItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('unchanged'),
    key: z.string(),
    nodeType: z.literal('measure'),
    id: NodeIdSchema,
    via: MatchViaSchema,
    lines: Lines,
  }),
  z.object({
    kind: z.literal('changed'),
    key: z.string(),
    nodeType: NodeTypeSchema,
    id: NodeIdSchema,
    before: z.string(),
    after: z.string(),
    ops: z.array(TextOpSchema).describe('Character diff from before to after.'),
    similarity: z.number().min(0).max(1),
    lines: Lines,
    invalidated: z
      .object({
        indicators: z.array(z.object({ id: NodeIdSchema, raw: z.string() })),
        places: z.array(NodeIdSchema),
      })
      .describe(
        'Curated data the new wording no longer supports: targets whose wording is gone (they go if the change is accepted) and places no longer named (flagged, kept).',
      ),
    needsDecision: z.boolean(),
  }),
  z.object({
    kind: z.literal('new'),
    key: z.string(),
    nodeType: z.enum(['measure', 'section']),
    id: NodeIdSchema.describe('The id the node gets: derived from its text, never from its line.'),
    text: z.string().describe('The measure text, or the section heading ("" for none).'),
    parentId: NodeIdSchema.describe('Section (of a measure) or chapter (of a section).'),
    after: z
      .array(NodeIdSchema)
      .describe(
        'Siblings it follows in the new text, nearest first: it goes after the first present.',
      ),
    lines: Lines,
    needsDecision: z.boolean(),
  }),
  z.object({
    kind: z.literal('removed'),
    key: z.string(),
    nodeType: z.literal('measure'),
    id: NodeIdSchema,
    text: z.string(),
    sectionId: NodeIdSchema,
    curated: CuratedDataSchema.describe('What goes with the measure if the removal is accepted.'),
    needsDecision: z.boolean(),
  }),
  z.object({
    kind: z.literal('moved'),
    key: z.string(),
    nodeType: z.literal('measure'),
    id: NodeIdSchema,
    fromSectionId: NodeIdSchema,
    toSectionId: NodeIdSchema,
    after: z.array(NodeIdSchema),
    lines: Lines,
    needsDecision: z.boolean(),
  }),
]);
export type MergeItem = z.infer<typeof MergeItemSchema>;
/** The kinds of merge item: unchanged, changed, new, removed, moved. */
export type MergeItemKind = MergeItem['kind'];

export const SkippedLineSchema = z
  .object({
    lines: Lines,
    text: z.string(),
    reason: z.enum(['duplicate', 'removed-before']),
    noteId: NodeIdSchema.nullable().describe('The editorial note that removed this text before.'),
    sameAs: NodeIdSchema.nullable().describe('The measure that already has this text.'),
  })
  .describe('A sentence of the new text left out again: a copy the editors already removed.');

export const MergeProposalSchema = z
  .object({
    counts: z.object({
      unchanged: z.int(),
      changed: z.int(),
      new: z.int(),
      removed: z.int(),
      moved: z.int(),
    }),
    items: z.array(MergeItemSchema),
    skipped: z.array(SkippedLineSchema),
    similarityLimited: z
      .boolean()
      .describe('true when the texts were too different to compare every pair by similarity.'),
  })
  .describe('What re-importing a text would do to the current report, item by item.');
export type MergeProposal = z.infer<typeof MergeProposalSchema>;

/** An editor's decision on one merge item: accept or reject. */
export const MergeDecisionSchema = z.enum(['accept', 'reject']);
export const MergeDecisionsSchema = z
  .record(z.string().max(200), MergeDecisionSchema)
  .describe(
    'The editor’s choice per item key. Items marked needsDecision must be decided; others default to accept.',
  );
export type MergeDecisions = z.infer<typeof MergeDecisionsSchema>;
