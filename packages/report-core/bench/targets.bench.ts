import type { BenchRow } from '@leshan/bench';
import { PUBLISHED_STATEMENTS } from '../src/indicators/fixtures/published-targets.js';
import { scoreTargets } from '../src/indicators/fixtures/score-targets.js';

/**
 * Issue 17: how well extractIndicators reads targets as published reports state them. Not a
 * timing: precision and recall on the fixture, each to be at least 0.95; every miss is listed.
 */
export function bench(): Promise<BenchRow[]> {
  const score = scoreTargets(PUBLISHED_STATEMENTS);
  for (const m of score.missed) console.log(`missed   ${m.source}｜${m.text}｜${m.target}`);
  for (const m of score.spurious) console.log(`spurious ${m.source}｜${m.text}｜${m.target}`);
  return Promise.resolve([
    { name: 'published targets: statements', value: score.statements, unit: '' },
    {
      name: 'published targets: expected / found / correct',
      value: score.expected,
      unit: `/ ${score.found} / ${score.correct}`,
    },
    { name: 'published targets: precision (≥ 0.95)', value: score.precision, unit: '' },
    { name: 'published targets: recall (≥ 0.95)', value: score.recall, unit: '' },
  ]);
}
