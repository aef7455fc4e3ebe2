import fc from 'fast-check';
import type { ReadonlyReport } from '../model/readonly.js';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { validateReport } from '../model/validate.js';
import { applyCommand } from './apply-command.js';
import type { Command, CommandType } from './command-schema.js';
import { COMMAND_TYPES } from './command-schema.js';
import { jsonEqual } from './collect-nodes.js';
import { invertCommand } from './invert-command.js';
import { choiceArbitrary, randomCommand } from './random-command.fixture.js';
import type { Choice } from './random-command.fixture.js';
import { deepFreeze, smallReport } from './small-report.fixture.js';

const sequence = fc.array(choiceArbitrary, { minLength: 200, maxLength: 240 });

/** Applies the sequence, checking validity at every step, then undoes it step by step. */
function roundTrip(
  original: ReadonlyReport,
  choices: readonly Choice[],
  seen: Set<CommandType>,
): void {
  const states: ReadonlyReport[] = [original];
  const inverses: Command[] = [];
  let current = original;
  choices.forEach((x, n) => {
    const command = deepFreeze(randomCommand(current, x, n));
    const result = applyCommand(current, command);
    if (!result.ok)
      throw new Error(
        `step ${n} ${JSON.stringify(command)} refused: ${JSON.stringify(result.error)}`,
      );
    expect(validateReport(result.value.report).ok).toBe(true);
    seen.add(command.type);
    inverses.push(deepFreeze(invertCommand(current, command)));
    current = deepFreeze(result.value.report);
    states.push(current);
  });
  for (let n = inverses.length - 1; n >= 0; n -= 1) {
    const undone = applyCommand(current, inverses[n]);
    if (!undone.ok) throw new Error(`undo of step ${n} refused: ${JSON.stringify(undone.error)}`);
    current = undone.value.report;
    // jsonEqual is quick enough for every step; the strict comparison below also sees undefined keys.
    if (!jsonEqual(current, states[n]))
      throw new Error(`undo of step ${n} did not restore the report`);
  }
  expect(current).toStrictEqual(original);
}

/**
 * Runs `runs` random sequences on `original`, then more rounds of them while some kind of command
 * has not come up yet (at most 6 rounds in all): the seed is new every run, and a rare kind can
 * be missing from the first round (a CI run of 2026-12-03 saw 32 of the 33).
 * endOnFailure: shrinking a 200-step sequence takes minutes; the error names the step instead.
 */
function everyKindRoundTrips(original: () => ReadonlyReport, runs: number): Set<CommandType> {
  const seen = new Set<CommandType>();
  for (let round = 0; round < 6 && seen.size < COMMAND_TYPES.length; round += 1)
    fc.assert(
      fc.property(sequence, (choices) => roundTrip(original(), choices, seen)),
      { numRuns: runs, endOnFailure: true },
    );
  return seen;
}

describe('random command sequences', () => {
  it('keep a small report valid and undo exactly', () => {
    const seen = everyKindRoundTrips(smallReport, 5);
    expect([...seen].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(seen.size).toBe(33);
  }, 60_000);

  it('keep the canonical report valid and undo exactly', () => {
    const seen = everyKindRoundTrips(() => canonicalReport, 3);
    expect([...seen].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(seen.size).toBe(33);
  }, 120_000);
});
