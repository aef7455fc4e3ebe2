import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { ErrorMessage } from '../ui/error-message.js';
import { todayInShanghai } from '@leshan/report-core/labels';
import { useLoad } from '../ui/use-load.js';
import { ComparePane } from './compare-pane.js';
import type { HistoryEntry, HistoryFilter, HistoryPage } from './history-endpoints.js';
import { entryName, HistoryEntries } from './history-entries.js';
import { HistoryFilters } from './history-filters.js';

const PAGE = 30;

type Viewing = { from: number; to: number; entry: number | null };

/**
 * Who changed what when, in words, filtered by person, node and day; one entry's changes or any
 * two revisions compared; one node restored (with the later changes by others it reverts), and
 * for publishers and admins the whole draft (issue 13 point 5).
 */
export function HistoryScreen() {
  const { api, store, session, announce } = useApp();
  const draft = useDraft();
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [authors, setAuthors] = useState<ReadonlyMap<string, string>>(
    () => new Map([[session.user.id, session.user.displayName]]),
  );
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const paneHeading = useRef<HTMLHeadingElement>(null);

  const show = useCallback((page: HistoryPage, append = false) => {
    setEntries((old) => (append ? [...old, ...page.revisions] : page.revisions));
    setNextBefore(page.nextBefore);
    setAuthors((old) => {
      const next = new Map(old);
      for (const e of page.revisions) if (e.authorName !== null) next.set(e.author, e.authorName);
      return next.size === old.size ? old : next;
    });
    setError(null);
  }, []);

  // The newest page for each filter, on entry and after each saved revision.
  const loadFirst = useCallback(() => api.history(filter, PAGE), [api, filter]);
  useLoad(loadFirst, show, setError, draft.revision);
  const loadMore = async (before: number) => {
    try {
      show(await api.history(filter, PAGE, before), true);
    } catch (e) {
      setError(e);
    }
  };

  // On a phone the pane is below the list: bring it into view when something is chosen.
  useEffect(() => {
    if (viewing !== null) paneHeading.current?.focus();
  }, [viewing]);

  const view = (entry: HistoryEntry) =>
    setViewing({ from: entry.first - 1, to: entry.number, entry: entry.number });
  const pick = (entry: HistoryEntry, on: boolean) =>
    setPicked((old) =>
      on
        ? [...old.filter((n) => n !== entry.number), entry.number].slice(-2)
        : old.filter((n) => n !== entry.number),
    );
  const [older, newer] = [...picked].sort((a, b) => a - b);

  const restore = async (n: number) => {
    setRestoring(null);
    try {
      await store.flush();
      await api.restore(n, store.state.revision);
      await store.reload();
      announce(`已将草稿恢复为第 ${n} 版的内容`);
    } catch (e) {
      setError(e);
    }
  };

  const heading =
    viewing === null
      ? '选择一个修订查看改动，或勾选两个修订比较'
      : viewing.entry !== null
        ? `${entryName(entries.find((e) => e.number === viewing.entry) ?? { first: viewing.from + 1, number: viewing.to })}的改动`
        : `第 ${viewing.from} 版与第 ${viewing.to} 版的比较`;
  return (
    <div className="history-screen">
      <h1>修订历史</h1>
      <HistoryFilters
        report={draft.report}
        authors={authors}
        today={todayInShanghai()}
        onApply={(next) => {
          setFilter(next);
          setPicked([]);
        }}
      />
      <ErrorMessage error={error} />
      <div className="split">
        <section aria-labelledby="revisions-heading" className="revision-list">
          <h2 id="revisions-heading">修订（最新在前）</h2>
          <div className="compare-bar" aria-live="polite">
            {older !== undefined && newer !== undefined ? (
              <button
                type="button"
                className="primary"
                onClick={() => setViewing({ from: older, to: newer, entry: null })}
              >
                比较第 {older} 版与第 {newer} 版
              </button>
            ) : (
              <p className="hint">勾选任意两个修订即可比较（已选 {picked.length} 个）。</p>
            )}
          </div>
          {entries.length === 0 ? <p>没有符合条件的修订。</p> : null}
          <HistoryEntries
            entries={entries}
            viewing={viewing?.entry ?? null}
            picked={picked}
            onView={view}
            onPick={pick}
          />
          {nextBefore === null ? null : (
            <button type="button" onClick={() => void loadMore(nextBefore)}>
              加载更早的修订
            </button>
          )}
        </section>
        <section aria-labelledby="diff-heading" className="pane">
          <h2 id="diff-heading" ref={paneHeading} tabIndex={-1}>
            {heading}
          </h2>
          {viewing !== null && viewing.from < 0 ? <p>这是最初的版本。</p> : null}
          {viewing !== null && viewing.from >= 0 ? (
            <ComparePane from={viewing.from} to={viewing.to} />
          ) : null}
          {/* Restoring the whole draft is the publisher's or admin's (issue 14). */}
          {viewing !== null && session.permissions.publish && viewing.to !== draft.revision ? (
            <p>
              <button type="button" onClick={() => setRestoring(viewing.to)}>
                将整个草稿恢复为第 {viewing.to} 版
              </button>
            </p>
          ) : null}
        </section>
      </div>
      {restoring === null ? null : (
        <ConfirmDialog
          title="恢复整个草稿"
          message={
            <p>
              整个草稿将恢复为第 {restoring}{' '}
              版的内容。这会产生一个新的修订，之后的修订仍保留在历史中，可以再次恢复。
            </p>
          }
          confirmLabel="恢复"
          onCancel={() => setRestoring(null)}
          onConfirm={() => void restore(restoring)}
        />
      )}
    </div>
  );
}
