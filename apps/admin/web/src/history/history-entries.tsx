import { formatTime } from '../ui/labels.js';
import type { HistoryEntry } from './history-endpoints.js';

const KIND_LABELS: Record<HistoryEntry['kind'], string> = {
  seed: '初始版本',
  edit: '编辑',
  restore: '恢复',
  replace: '导入原文',
};

/** 第 12 版, or 第 9–12 版 for saves grouped into one entry. */
export const entryName = (entry: Pick<HistoryEntry, 'first' | 'number'>): string =>
  entry.first === entry.number ? `第 ${entry.number} 版` : `第 ${entry.first}–${entry.number} 版`;

interface HistoryEntriesProps {
  entries: readonly HistoryEntry[];
  viewing: number | null;
  picked: readonly number[];
  onView: (entry: HistoryEntry) => void;
  onPick: (entry: HistoryEntry, picked: boolean) => void;
}

/** The history, newest first: who, when, and what in words; view one, or tick two to compare. */
export function HistoryEntries({ entries, viewing, picked, onView, onPick }: HistoryEntriesProps) {
  return (
    <ol className="history-entries">
      {entries.map((entry) => {
        const name = entryName(entry);
        const isPicked = picked.includes(entry.number);
        return (
          <li
            key={entry.number}
            className={entry.number === viewing ? 'history-entry selected' : 'history-entry'}
          >
            <p className="entry-head">
              <strong>{name}</strong> · {entry.authorName ?? '系统'} ·{' '}
              <time dateTime={entry.at}>{formatTime(entry.at)}</time> · {KIND_LABELS[entry.kind]}
            </p>
            {entry.summary.length === 0 ? (
              <p className="hint">{entry.commandCount} 项修改</p>
            ) : (
              <ul className="entry-summary">
                {entry.summary.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            <div className="entry-actions">
              <button
                type="button"
                aria-pressed={entry.number === viewing}
                aria-label={`查看改动：${name}`}
                onClick={() => onView(entry)}
              >
                查看改动
              </button>
              <label className="check">
                <input
                  type="checkbox"
                  checked={isPicked}
                  aria-label={`选来比较：${name}`}
                  onChange={(e) => onPick(entry, e.target.checked)}
                />
                选来比较
              </label>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
