import type { Chapter, Measure, Report, Section } from '../model/report.js';
import { bigrams, dice } from '../parse/similarity.js';
import { headingKey, matchKey } from './match-key.js';
import type { MatchVia } from './merge-schema.js';

/** A measure where it sits in a report. */
export interface Slot {
  chapter: Chapter;
  section: Section;
  measure: Measure;
  /** Position in the incoming report: `chapter.section.measure` indexes. */
  pos: string;
}

export interface MeasureMatch {
  current: Slot;
  incoming: Slot;
  via: MatchVia;
  similarity: number;
}

export interface Skipped {
  incoming: Slot;
  reason: 'duplicate' | 'removed-before';
  noteId: string | null;
  sameAs: string | null;
}

export interface Alignment {
  /** Matches keyed by the incoming slot's pos. */
  byIncoming: Map<string, MeasureMatch>;
  byCurrentId: Map<string, MeasureMatch>;
  /** Current measures found again as a heading of the new text (pos `c.s` of that section). */
  headings: Map<string, Slot>;
  skipped: Skipped[];
  added: Slot[];
  removed: Slot[];
  similarityLimited: boolean;
}

/** Least Dice coefficient of character bigrams for two wordings to count as one measure changed. */
const MIN_SIMILARITY = 0.5;
/** Pairs compared by similarity at most; past it unmatched measures become removed + new. */
const MAX_SIMILARITY_PAIRS = 400_000;

export function slotsOf(report: Report): Slot[] {
  return report.chapters.flatMap((chapter, c) =>
    chapter.sections.flatMap((section, s) =>
      section.measures.map((measure, m) => ({ chapter, section, measure, pos: `${c}.${s}.${m}` })),
    ),
  );
}

/**
 * Finds each current measure again in the incoming report: by the same text, the same text
 * after normalization, the wording a correction fixed, a heading the editors made a measure,
 * then by similarity. Incoming copies of a kept text, and texts the editors removed before,
 * are skipped; the rest is new (incoming) or removed (current).
 */
export function alignMeasures(current: Report, incoming: Report): Alignment {
  const currentSlots = slotsOf(current);
  const incomingSlots = slotsOf(incoming);
  const byCurrentId = new Map<string, MeasureMatch>();
  const byIncoming = new Map<string, MeasureMatch>();
  const skipped: Skipped[] = [];
  const link = (cur: Slot, inc: Slot, via: MatchVia, similarity = 1): void => {
    const match = { current: cur, incoming: inc, via, similarity };
    byCurrentId.set(cur.measure.id, match);
    byIncoming.set(inc.pos, match);
  };

  const currentByKey = new Map<string, Slot>();
  for (const slot of currentSlots) currentByKey.set(matchKey(slot.measure.text), slot);
  const corrections = new Map<string, Slot>();
  const removedBefore = new Map<string, string>();
  for (const note of current.notes) {
    for (const text of note.removedText ?? []) removedBefore.set(matchKey(text), note.id);
    if (note.originalText === undefined || note.correctedText === undefined) continue;
    const corrected = currentByKey.get(matchKey(note.correctedText));
    if (corrected !== undefined) corrections.set(matchKey(note.originalText), corrected);
  }

  // A text the source repeats goes to the copy under the heading the measure sits under now.
  const occurrences = new Map<string, Slot[]>();
  const pending: Slot[] = [];
  for (const inc of incomingSlots) {
    const key = matchKey(inc.measure.text);
    const same = currentByKey.get(key) ?? corrections.get(key);
    if (same !== undefined) {
      const list = occurrences.get(same.measure.id) ?? [];
      list.push(inc);
      occurrences.set(same.measure.id, list);
      continue;
    }
    const noteId = removedBefore.get(key);
    if (noteId !== undefined) {
      skipped.push({ incoming: inc, reason: 'removed-before', noteId, sameAs: null });
      continue;
    }
    pending.push(inc);
  }
  for (const slot of currentSlots) {
    const list = occurrences.get(slot.measure.id);
    if (list === undefined) continue;
    let chosen = closest(slot, list);
    // The editors removed a copy under another heading: it is not the measure (note-4's health copies).
    const key = matchKey(slot.measure.text);
    if (chosen !== undefined && removedBefore.has(key) && !sameHeading(slot, chosen))
      chosen = undefined;
    for (const inc of list) {
      if (chosen === undefined) {
        skipped.push({
          incoming: inc,
          reason: 'removed-before',
          noteId: removedBefore.get(key) ?? null,
          sameAs: null,
        });
        continue;
      }
      if (inc !== chosen) {
        skipped.push({ incoming: inc, reason: 'duplicate', noteId: null, sameAs: slot.measure.id });
        continue;
      }
      const via: MatchVia =
        inc.measure.text === slot.measure.text
          ? 'exact'
          : matchKey(inc.measure.text) === matchKey(slot.measure.text)
            ? 'normalized'
            : 'correction';
      link(slot, inc, via);
    }
  }
  skipped.sort(
    (a, b) =>
      (a.incoming.measure.provenance?.lines[0] ?? 0) -
      (b.incoming.measure.provenance?.lines[0] ?? 0),
  );

  // A heading-shaped line the editors turned into a measure (争创东西部协作示范市).
  const headings = new Map<string, Slot>();
  const unmatchedByHeading = new Map<string, Slot>();
  for (const slot of currentSlots)
    if (!byCurrentId.has(slot.measure.id))
      unmatchedByHeading.set(headingKey(slot.measure.text), slot);
  incoming.chapters.forEach((chapter, c) =>
    chapter.sections.forEach((section, s) => {
      if (section.title === null) return;
      const slot = unmatchedByHeading.get(headingKey(section.title));
      if (slot === undefined || headings.has(`${c}.${s}`)) return;
      unmatchedByHeading.delete(headingKey(section.title));
      headings.set(`${c}.${s}`, slot);
      byCurrentId.set(slot.measure.id, {
        current: slot,
        incoming: { chapter, section, measure: slot.measure, pos: `${c}.${s}.h` },
        via: 'heading',
        similarity: 1,
      });
    }),
  );

  const unmatched = currentSlots.filter((slot) => !byCurrentId.has(slot.measure.id));
  const similarityLimited = unmatched.length * pending.length > MAX_SIMILARITY_PAIRS;
  const added: Slot[] = [];
  if (!similarityLimited) {
    const grams = new Map(
      unmatched.map((s) => [s.measure.id, bigrams(Array.from(s.measure.text))]),
    );
    const pairs: { cur: Slot; inc: Slot; score: number }[] = [];
    for (const inc of pending) {
      const incGrams = bigrams(Array.from(inc.measure.text));
      for (const cur of unmatched) {
        const score = dice(grams.get(cur.measure.id) ?? new Set(), incGrams);
        if (score >= MIN_SIMILARITY) pairs.push({ cur, inc, score });
      }
    }
    pairs.sort((a, b) => b.score - a.score);
    for (const { cur, inc, score } of pairs) {
      if (byCurrentId.has(cur.measure.id) || byIncoming.has(inc.pos)) continue;
      link(cur, inc, 'similar', score);
    }
  }
  const seenNew = new Set<string>();
  for (const inc of pending) {
    if (byIncoming.has(inc.pos)) continue;
    const key = matchKey(inc.measure.text);
    if (seenNew.has(key)) {
      skipped.push({ incoming: inc, reason: 'duplicate', noteId: null, sameAs: null });
      continue;
    }
    seenNew.add(key);
    added.push(inc);
  }
  const removed = currentSlots.filter((slot) => !byCurrentId.has(slot.measure.id));
  return { byIncoming, byCurrentId, headings, skipped, added, removed, similarityLimited };
}

const firstLine = (node: { provenance?: { lines: number[] } | undefined }): number =>
  node.provenance?.lines[0] ?? 0;

/** Of the copies of a text, the one under the same heading, then the nearest to where it was. */
export function closest(slot: Slot, list: readonly Slot[]): Slot | undefined {
  const score = (inc: Slot): number =>
    (sameHeading(slot, inc) ? 0 : 1e9) + Math.abs(firstLine(inc.measure) - firstLine(slot.measure));
  let best: Slot | undefined;
  for (const inc of list) if (best === undefined || score(inc) < score(best)) best = inc;
  return best;
}

function sameHeading(a: Slot, b: Slot): boolean {
  return (
    a.section.title !== null &&
    b.section.title !== null &&
    matchKey(a.section.title) === matchKey(b.section.title)
  );
}
