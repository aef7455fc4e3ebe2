/** @jsxRuntime automatic */
import { SCORE_STATUSES, SCORE_VERDICTS } from '@leshan/report-core';
import type { ScoreTally } from '@leshan/report-core';
import { useView } from '../context.js';
import { BarLegend, StackedBar } from './score-bar.js';
import type { BarPart } from './score-bar.js';
import { scoreStatusLabel, verdictWords } from './score-words.js';

/** The parts of a tally's measures bar, in display order (done first, 未报告 last). */
export function statusParts(tally: ScoreTally, lang: 'zh' | 'en'): BarPart[] {
  return SCORE_STATUSES.map((s) => ({
    key: s,
    count: tally.byStatus[s],
    label: scoreStatusLabel(s, lang),
  }));
}

/**
 * A tally as two stacked bars with their figures: all its measures by status (未报告 included in
 * every share) and its targets by verdict. `compact` leaves out the parts at zero.
 */
export function TallyView({ tally, compact = false }: { tally: ScoreTally; compact?: boolean }) {
  const { lang, pick } = useView();
  const keep = (p: BarPart): boolean => !compact || p.count > 0;
  const measures = statusParts(tally, lang);
  const targets: BarPart[] = SCORE_VERDICTS.map((v) => ({
    key: v,
    count: tally.byVerdict[v],
    label: verdictWords(v, lang),
  }));
  const unitM = pick(' 项', '');
  return (
    <div className="tally">
      <p className="tally-head">
        {pick(`全部 ${tally.measures} 项举措`, `All ${tally.measures} measures`)}
      </p>
      <StackedBar parts={measures} />
      <BarLegend parts={measures.filter(keep)} shares={tally.shares} unit={unitM} />
      {tally.targets > 0 && (
        <>
          <p className="tally-head">
            {pick(`${tally.targets} 项量化指标`, `${tally.targets} quantitative targets`)}
          </p>
          <StackedBar parts={targets} />
          <BarLegend parts={targets.filter(keep)} shares={tally.verdictShares} unit={unitM} />
        </>
      )}
    </div>
  );
}
