import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalReport } from '../data/index.js';
import { checkReportInvariants, measureEditKeepsInvariants } from '../model/invariants.js';
import type { Report } from '../model/report.js';
import { ReportSchema } from '../model/report.js';
import { editableCopy } from '../model/readonly.js';
import { applyCommand, parseCommand } from './apply-command.js';
import { applyStep } from './apply-step.js';
import { isKnownValid, passesChanged } from './check-changed.js';
import type { Command } from './command-schema.js';
import { choiceArbitrary, randomCommand } from './random-command.fixture.js';
import type { Choice } from './random-command.fixture.js';
import { freshMeasure, lists, pick } from './random-nodes.fixture.js';
import { smallReport } from './small-report.fixture.js';

/**
 * Commands that pass the command schema but leave a report that breaks a rule of ReportSchema:
 * a repeated measure text, an unknown place, an indicator whose wording left the text, a note
 * on a missing node or past the source's last line, a new measure repeating another; and of
 * following the targets (issue 18): a new measure naming a department not in the list, a lead
 * also co-responsible, an observation reusing a baseline value's id.
 */
const SPOILERS: readonly ((r: Report, x: Choice) => Command | undefined)[] = [
  (r, x) => {
    const { measures } = lists(r);
    const m = pick(measures, x.a)?.m;
    const other = pick(measures, x.b)?.m;
    return m && other && { type: 'measure.update', id: m.id, patch: { text: other.text } };
  },
  (r, x) => {
    const m = pick(lists(r).measures, x.a)?.m;
    return m && { type: 'measure.update', id: m.id, patch: { places: [...m.places, 'no-place'] } };
  },
  (r, x) => {
    const found = pick(lists(r).indicators, x.a);
    return found && { type: 'measure.update', id: found.parent.id, patch: { text: '改写后。' } };
  },
  (r, x) => {
    const note = pick(r.notes, x.a);
    return note && { type: 'note.update', id: note.id, patch: { nodeIds: ['no-such-node'] } };
  },
  (r, x) => {
    const note = pick(r.notes, x.a);
    const past = r.meta.source.lineCount + 1 + (x.b % 5);
    return note && { type: 'note.update', id: note.id, patch: { sourceLines: [past] } };
  },
  (r, x) => {
    const { sections, measures } = lists(r);
    const section = pick(sections, x.a)?.s;
    const other = pick(measures, x.b)?.m;
    return (
      section &&
      other && {
        type: 'measure.add',
        sectionId: section.id,
        index: 0,
        measure: { ...freshMeasure(r, x.c, 1), id: `spoiled-${x.c}`, text: other.text },
      }
    );
  },
  (r, x) => {
    const section = pick(lists(r).sections, x.a)?.s;
    const responsibility = { lead: 'no-such-dept', co: [], deadline: null, milestones: [] };
    return (
      section && {
        type: 'measure.add',
        sectionId: section.id,
        measure: { ...freshMeasure(r, x.c, 2), id: `spoiled-d${x.c}`, responsibility },
      }
    );
  },
  (r, x) => {
    const m = pick(lists(r).measures, x.a)?.m;
    const d = pick(r.departments ?? [], x.b);
    const responsibility = {
      lead: d?.id ?? null,
      co: [d?.id ?? ''],
      deadline: null,
      milestones: [],
    };
    return m && d && { type: 'responsibility.set', measureId: m.id, responsibility };
  },
  (r, x) => {
    const withBaseline = lists(r).indicators.flatMap((i) => {
      const id = i.i.baseline?.observation?.id;
      return id === undefined ? [] : [{ indicatorId: i.i.id, id }];
    });
    const b = pick(withBaseline, x.a);
    const observation = {
      id: b?.id ?? '',
      date: '2024-12-31',
      value: 1,
      source: { title: '公报' },
    };
    return b && { type: 'observation.add', indicatorId: b.indicatorId, observation };
  },
  // Issue 13: rules checked on the changed measure alone (measureEditKeepsInvariants).
  (r, x) => {
    const found = pick(lists(r).indicators, x.a);
    return (
      found && {
        type: 'indicator.update',
        id: found.i.id,
        patch: { upper: found.i.value - 1 - (x.b % 3) },
      }
    );
  },
  (r, x) => {
    const m = pick(lists(r).measures, x.a)?.m;
    const responsibility = { lead: 'no-such-dept', co: [], deadline: null, milestones: [] };
    return m && { type: 'responsibility.set', measureId: m.id, responsibility };
  },
  (r, x) => {
    const m = pick(lists(r).measures, x.a)?.m;
    const other = pick(lists(r).measures, x.b)?.m;
    const milestone = { id: other?.id ?? 'x', year: 2024, text: '完成', done: false };
    const responsibility = { lead: null, co: [], deadline: null, milestones: [milestone] };
    return m && other && { type: 'responsibility.set', measureId: m.id, responsibility };
  },
];

const Invariants = z
  .custom<Report>(() => true)
  .superRefine((report, ctx) => checkReportInvariants(report, ctx));

const step = fc.record({ choice: choiceArbitrary, spoil: fc.nat(SPOILERS.length * 3) });
const sequence = fc.array(step, { minLength: 80, maxLength: 100 });

/**
 * At each step, a random command and perhaps a rule-breaking one are applied without checks;
 * the fast check of the result must agree with ReportSchema on the whole report. The report then
 * moves on by the random command, through applyCommand (so it stays known valid).
 */
function agreeAlong(
  original: Report,
  steps: readonly { choice: Choice; spoil: number }[],
  verdicts: Set<boolean>,
  local: Set<boolean>,
): void {
  let current = original;
  steps.forEach(({ choice, spoil }, n) => {
    const commands = [randomCommand(current, choice, n), SPOILERS[spoil]?.(current, choice)];
    for (const command of commands) {
      const parsed = command === undefined ? undefined : parseCommand(command);
      if (parsed?.ok !== true) continue;
      const after = applyStep(current, parsed.value);
      if (!after.ok) continue;
      const fast = passesChanged(current, after.value);
      const full = ReportSchema.safeParse(after.value).success;
      if (fast !== full)
        throw new Error(`step ${n} ${JSON.stringify(command)}: fast ${fast}, full ${full}`);
      verdicts.add(fast);
      // The changed measures' check, where it answers, agrees with the whole report's.
      const onMeasures = measureEditKeepsInvariants(current, after.value);
      if (onMeasures !== undefined) {
        const whole = Invariants.safeParse(after.value).success;
        if (onMeasures !== whole)
          throw new Error(
            `step ${n} ${JSON.stringify(command)}: measures ${onMeasures}, whole ${whole}`,
          );
        local.add(onMeasures);
      }
    }
    const moved = applyCommand(current, commands[0]);
    if (moved.ok) current = moved.value.report;
    expect(isKnownValid(current)).toBe(true);
  });
}

describe('the changed-nodes check (applyCommand’s fast path)', () => {
  it('accepts and refuses exactly what ReportSchema on the whole report does', () => {
    const verdicts = new Set<boolean>();
    const local = new Set<boolean>();
    fc.assert(
      fc.property(sequence, (steps) => {
        agreeAlong(smallReport(), steps, verdicts, local);
        agreeAlong(editableCopy(canonicalReport), steps, verdicts, local);
      }),
      { numRuns: 4, endOnFailure: true },
    );
    expect([...verdicts].sort()).toEqual([false, true]);
    expect([...local].sort()).toEqual([false, true]);
  }, 60_000);

  it('parses a copied report, chapter or section again when one of its own fields changed', () => {
    // Regression guard (issue 13): a level whose own fields are the very ones of the report before
    // is not parsed again; a level copied with any other field changed (or one missing) must be.
    const report = editableCopy(canonicalReport);
    const moved = applyCommand(report, {
      type: 'tracking.set',
      measureId: lists(report).measures[0]?.m.id ?? '',
      status: 'in-progress',
    });
    if (!moved.ok) throw new Error('tracking.set refused');
    const before = moved.value.report;
    const [chapter] = before.chapters;
    const [section] = chapter?.sections ?? [];
    if (chapter === undefined || section === undefined) throw new Error('no chapter');
    const withChapter = (c: unknown): Report =>
      ({ ...before, chapters: [c, ...before.chapters.slice(1)] }) as Report;
    const spoiled: Report[] = [
      { ...before, id: 'Not An Id' },
      { ...before, extra: 1 } as unknown as Report,
      withChapter({ ...chapter, title: 7 }),
      withChapter({
        ...chapter,
        sections: [{ ...section, id: 'Bad Id' }, ...chapter.sections.slice(1)],
      }),
      (() => {
        const { title: _dropped, ...untitled } = chapter;
        return withChapter(untitled);
      })(),
    ];
    for (const after of spoiled) {
      expect(ReportSchema.safeParse(after).success).toBe(false);
      expect(passesChanged(before, after)).toBe(false);
    }
    expect(passesChanged(before, withChapter({ ...chapter }))).toBe(true);
  });

  it('falls back to the whole report when the report edited was never checked', () => {
    // A report made by hand (not by applyCommand) with a broken rule elsewhere: an edit of
    // another node is refused with that rule's issue, as before the fast path.
    const broken = editableCopy(canonicalReport);
    const [first, second] = lists(broken).measures;
    if (first === undefined || second === undefined) throw new Error('too few measures');
    (first.m as { text: string }).text = second.m.text;
    expect(isKnownValid(broken)).toBe(false);
    const result = applyCommand(broken, {
      type: 'tracking.set',
      measureId: second.m.id,
      status: 'in-progress',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error)).toContain('完全相同');
  });
});
