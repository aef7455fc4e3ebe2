import { z } from 'zod';
import type { Report } from '../model/report.js';
import {
  ChapterSchema,
  GoalSchema,
  IdeologySchema,
  MeasureSchema,
  ReportMetaSchema,
  ReportShapeSchema,
  SectionSchema,
} from '../model/report.js';
import { PlaceSchema } from '../model/place.js';
import { EditorialNoteSchema } from '../model/note.js';
import { checkReportInvariants, measureEditKeepsInvariants } from '../model/invariants.js';

/**
 * Reports known to pass ReportSchema as a whole: results of applyCommand(s), which are never
 * changed after (reports are immutable; an edit copies the nodes on its path and shares the rest).
 */
const knownValid = new WeakSet<Report>();

export function markValid(report: Report): void {
  knownValid.add(report);
}

export function isKnownValid(report: Report): boolean {
  return knownValid.has(report);
}

// Each level's own fields, its children left to the checks below.
const ReportLevel = ReportShapeSchema.extend({
  meta: z.unknown(),
  goals: z.array(z.unknown()),
  ideology: z.unknown(),
  chapters: z.array(z.unknown()),
  places: z.array(z.unknown()),
  notes: z.array(z.unknown()),
});
const ChapterLevel = ChapterSchema.extend({ sections: z.array(z.unknown()) });
const SectionLevel = SectionSchema.extend({ measures: z.array(z.unknown()) });
const Invariants = z
  .custom<Parameters<typeof checkReportInvariants>[0]>(() => true)
  .superRefine(checkReportInvariants);

const passes = (schema: z.ZodType, value: unknown): boolean =>
  schema.safeParse(value, { reportInput: true }).success;

/**
 * Whether `after` has the keys of `before` (known valid) and the very same values, but for
 * `lists`, which are arrays (their items are checked on their own), and `elsewhere` (checked on
 * their own when changed). Then `after` passes its level's schema as `before` did: an edit deep
 * in a chapter copies the report, the chapter and the section with only a list changed, and
 * parsing their other fields again cost every save (issue 13).
 */
function keepsOwnFields(
  before: object,
  after: object,
  lists: readonly string[],
  elsewhere: readonly string[] = [],
): boolean {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  const keys = Object.keys(is);
  if (keys.length !== Object.keys(was).length) return false;
  return keys.every((key) => {
    if (!(key in was)) return false;
    if (lists.includes(key)) return Array.isArray(is[key]);
    return elsewhere.includes(key) || is[key] === was[key];
  });
}
const REPORT_LISTS = ['goals', 'chapters', 'places', 'notes'];
const REPORT_CHECKED_ELSEWHERE = ['meta', 'ideology'];

/**
 * Whether every element of `after` is the element of `before` at the same place (known valid) or
 * passes `schema`. A node moved elsewhere is parsed again: the same verdict, for the price of
 * one parse, where looking every node up in a set of all the report's nodes cost every save.
 */
function elementsPass(
  before: readonly unknown[],
  after: readonly unknown[],
  schema: z.ZodType,
): boolean {
  if (before === after) return true;
  return after.every((x, i) => x === before[i] || passes(schema, x));
}

/**
 * Whether `after` passes ReportSchema, given that `before` does (isKnownValid) and `after` was
 * made from it by report-core edits: a node `after` shares with `before` at the same place is not parsed again,
 * a changed node is parsed with its own schema, and the report-wide invariants (unique ids,
 * chapter numbering, repeated measures, places and notes referred to, source lines) are checked
 * on the changed measures when only measures changed (measureEditKeepsInvariants), else on the
 * whole report. The same verdict as ReportSchema.safeParse(after).success, far quicker
 * for an edit of one node (edit/check-changed.property.test.ts); refusals are explained by the
 * full ReportSchema, which names every issue.
 */
export function passesChanged(before: Report, after: Report): boolean {
  if (before === after) return true;
  if (
    !keepsOwnFields(before, after, REPORT_LISTS, REPORT_CHECKED_ELSEWHERE) &&
    !passes(ReportLevel, after)
  )
    return false;
  if (after.meta !== before.meta && !passes(ReportMetaSchema, after.meta)) return false;
  if (after.ideology !== before.ideology && !passes(IdeologySchema, after.ideology)) return false;
  if (!elementsPass(before.goals, after.goals, GoalSchema)) return false;
  if (!elementsPass(before.places, after.places, PlaceSchema)) return false;
  if (!elementsPass(before.notes, after.notes, EditorialNoteSchema)) return false;
  if (after.chapters !== before.chapters) {
    for (const [c, chapter] of after.chapters.entries()) {
      const was = before.chapters[c];
      if (chapter === was) continue;
      const chapterKept = was !== undefined && keepsOwnFields(was, chapter, ['sections']);
      if (!chapterKept && !passes(ChapterLevel, chapter)) return false;
      for (const [s, section] of chapter.sections.entries()) {
        const wasSection = was?.sections[s];
        if (section === wasSection) continue;
        const sectionKept =
          wasSection !== undefined && keepsOwnFields(wasSection, section, ['measures']);
        if (!sectionKept && !passes(SectionLevel, section)) return false;
        if (!elementsPass(wasSection?.measures ?? [], section.measures, MeasureSchema))
          return false;
      }
    }
  }
  // An edit of measures alone is checked on those measures; any other on the whole report.
  return measureEditKeepsInvariants(before, after) ?? passes(Invariants, after);
}
