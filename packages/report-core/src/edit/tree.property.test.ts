import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import type { Report } from '../model/report.js';
import { pureInput } from '../model/pure-input.js';
import { applyCommand } from './apply-command.js';
import { choiceArbitrary, randomCommand } from './random-command.fixture.js';
import { smallReport } from './small-report.fixture.js';
import { indexReport } from './tree.js';

const sequence = fc.array(choiceArbitrary, { minLength: 120, maxLength: 160 });

/** The index built from scratch: a copy of the report has no index yet (none is carried to it). */
const freshIndex = (report: Report) => new Map(indexReport(structuredClone(report)));

// Regression guard (issue 13): an edit that moves, adds and removes nothing gives the new report
// the index of the one it edited (carryIndex); any other edit must be indexed again.
describe('the index of an edited report', () => {
  it('is the index built from scratch, after every command of random sequences', () => {
    for (const start of [smallReport(), structuredClone(canonicalReport) as Report]) {
      fc.assert(
        fc.property(sequence, (choices) => {
          let current = start;
          indexReport(current);
          choices.forEach((x, n) => {
            const result = applyCommand(current, randomCommand(current, x, n));
            if (!result.ok) throw new Error(`step ${n} refused: ${JSON.stringify(result.error)}`);
            current = pureInput(result.value.report);
            expect(new Map(indexReport(current))).toEqual(freshIndex(current));
          });
        }),
        { numRuns: 4, endOnFailure: true },
      );
    }
  });
});
