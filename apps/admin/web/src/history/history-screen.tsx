import { useCallback, useEffect, useState } from 'react';
import type { RevisionMeta } from '../../../src/api/revisions.schemas.js';
import type { RevisionDiff } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { ErrorMessage } from '../ui/error-message.js';
import { formatTime } from '../ui/labels.js';
import { useLoad } from '../ui/use-load.js';
import { DiffView } from './diff-view.js';

const KIND_LABELS: Record<RevisionMeta['kind'], string> = {
  seed: '初始版本',
  edit: '编辑',
  restore: '恢复',
  replace: '导入替换',
};
const PAGE = 30;

/** Who changed what when: each revision with its diff against the one before, and restore. */
export function HistoryScreen() {
  const { api, store, session, announce } = useApp();
  const draft = useDraft();
  const [revisions, setRevisions] = useState<RevisionMeta[]>([]);
  const [more, setMore] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  // The diff of the revision it was loaded for; shown only while that revision is the chosen one.
  const [loaded, setLoaded] = useState<{ revision: number; diff: RevisionDiff } | null>(null);
  const diff = loaded !== null && loaded.revision === chosen ? loaded.diff : null;
  const [error, setError] = useState<unknown>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  const show = useCallback((page: { revisions: RevisionMeta[] }, append = false) => {
    setRevisions((old) => (append ? [...old, ...page.revisions] : page.revisions));
    setMore(page.revisions.length === PAGE);
    setError(null);
  }, []);

  // The newest page on entry and after each saved revision.
  const loadFirst = useCallback(() => api.revisions(PAGE), [api]);
  useLoad(loadFirst, show, setError, draft.revision);

  const loadPage = async (before: number) => {
    try {
      show(await api.revisions(PAGE, before), true);
    } catch (e) {
      setError(e);
    }
  };

  useEffect(() => {
    if (chosen === null || chosen === 0) return;
    let live = true;
    api.diff(chosen - 1, chosen).then(
      (d) => live && setLoaded({ revision: chosen, diff: d }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, chosen]);

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

  const last = revisions[revisions.length - 1];
  return (
    <div className="history-screen">
      <h1>修订历史</h1>
      <ErrorMessage error={error} />
      <div className="split">
        <section aria-labelledby="revisions-heading" className="revision-list">
          <h2 id="revisions-heading">修订（最新在前）</h2>
          <ol>
            {revisions.map((r) => (
              <li key={r.number}>
                <button
                  type="button"
                  aria-pressed={chosen === r.number}
                  className={chosen === r.number ? 'selected' : undefined}
                  onClick={() => setChosen(r.number)}
                >
                  <strong>第 {r.number} 版</strong> · {KIND_LABELS[r.kind]} · {r.author ?? '系统'}
                  <br />
                  <span className="hint">
                    {formatTime(r.createdAt)} · {r.commandCount} 项修改
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {more && last !== undefined ? (
            <button type="button" onClick={() => void loadPage(last.number)}>
              加载更早的修订
            </button>
          ) : null}
        </section>
        <section aria-labelledby="diff-heading" className="pane">
          <h2 id="diff-heading">
            {chosen === null ? '选择左侧的一个修订查看改动' : `第 ${chosen} 版的改动`}
          </h2>
          {chosen === 0 ? <p>这是最初的版本。</p> : null}
          {diff === null ? null : (
            <>
              <p className="summary">{diff.summary.message.zh}</p>
              <DiffView diff={diff.diff} />
            </>
          )}
          {/* Restoring the whole draft is the publisher's or admin's (issue 14). */}
          {chosen !== null && session.permissions.publish && chosen !== draft.revision ? (
            <button type="button" className="primary" onClick={() => setRestoring(chosen)}>
              将草稿恢复为第 {chosen} 版
            </button>
          ) : null}
        </section>
      </div>
      {restoring === null ? null : (
        <ConfirmDialog
          title="恢复修订"
          message={
            <p>
              草稿将恢复为第 {restoring}{' '}
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
