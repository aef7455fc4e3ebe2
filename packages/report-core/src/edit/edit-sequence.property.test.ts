import fc from 'fast-check';
import type { ReadonlyReport } from '../model/readonly.js';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { validateReport } from '../model/validate.js';
import { applyCommand } from './apply-command.js';
import type { Command, CommandType } from './command-schema.js';
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

// endOnFailure: shrinking a 200-step sequence takes minutes; the error names the step instead.
describe('random command sequences', () => {
  it('keep a small report valid and undo exactly', () => {
    const seen = new Set<CommandType>();
    fc.assert(
      fc.property(sequence, (choices) => roundTrip(smallReport(), choices, seen)),
      { numRuns: 5, endOnFailure: true },
    );
    expect(seen.size).toBe(33);
  });

  it('keep the canonical report valid and undo exactly', () => {
    const seen = new Set<CommandType>();
    fc.assert(
      fc.property(sequence, (choices) => roundTrip(canonicalReport, choices, seen)),
      { numRuns: 3, endOnFailure: true },
    );
    expect(seen.size).toBe(33);
  }, 60_000);
});
