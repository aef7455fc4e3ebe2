/** @jsxRuntime automatic */
import type { ScoreUpdate } from '@leshan/report-core';
import { quoteStart } from '@leshan/report-core/labels';
import { useView } from '../context.js';
import { scoreStatusLabel } from './score-words.js';

/** The latest progress updates, newest first: the date, the measure by its first words (a link), the note. */
export function LatestUpdates({ updates }: { updates: readonly ScoreUpdate[] }) {
  const { links, lang, pick } = useView();
  if (updates.length === 0)
    return (
      <p className="empty">{pick('尚无任何进展报告。', 'No progress has been reported yet.')}</p>
    );
  return (
    <ol className="latest-updates">
      {updates.map((u) => (
        <li key={`${u.measureId}-${u.updateId}`}>
          <time dateTime={u.date}>{u.date}</time>{' '}
          <a href={links.measure(u.measureId, u.chapterNumber)} lang="zh-CN">
            {quoteStart(u.measureText, 20)}
          </a>
          {u.status !== undefined && (
            <span className={`status status-${u.status}`}>
              {' '}
              · {scoreStatusLabel(u.status, lang)}
            </span>
          )}
          <span lang="zh-CN" className="update-note">
            {' '}
            {u.note}
          </span>
        </li>
      ))}
    </ol>
  );
}
