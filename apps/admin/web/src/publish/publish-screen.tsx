import { useCallback, useMemo, useState } from 'react';
import { NOTE_KIND_LABELS } from '@leshan/report-core';
import { checklistWarnings, describeNode } from '@leshan/report-core/labels';
import type { EditionMeta } from '../../../src/api/editions.schemas.js';
import type { PublishChecklist } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useLoad } from '../ui/use-load.js';
import { formatTime } from '../ui/labels.js';
import { ExportProgress } from './export-progress.js';
import { issuePlace } from './issue-place.js';

const WARNINGS_SHOWN = 30;

/** The publisher's checklist, the publish button, then the export jobs and the files. */
export function PublishScreen() {
  const { api, announce } = useApp();
  const draft = useDraft();
  const [checklist, setChecklist] = useState<PublishChecklist | null>(null);
  const [editions, setEditions] = useState<EditionMeta[]>([]);
  const [published, setPublished] = useState<EditionMeta | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const fetchState = useCallback(() => Promise.all([api.checklist(), api.editions()]), [api]);
  const show = useCallback(([list, all]: Awaited<ReturnType<typeof fetchState>>) => {
    setChecklist(list);
    setEditions(all.editions);
    setError(null);
  }, []);

  // Loads on entry and after each saved revision.
  useLoad(fetchState, show, setError, draft.revision);

  const report = draft.report;
  // Empty chapters and sections, measures with updates but no status, half-width punctuation.
  const warnings = useMemo(() => (report === null ? [] : checklistWarnings(report)), [report]);
  const unsaved = draft.unsent > 0 || draft.saveState === 'conflict';
  // Publishing the same content again would only make an identical edition.
  const unchanged = checklist?.latestEdition != null && checklist.changeSummary?.total === 0;
  const publish = async () => {
    setConfirming(false);
    if (checklist === null) return;
    setBusy(true);
    try {
      const result = await api.publish(checklist.revision);
      setPublished(result.edition);
      announce(`已发布第 ${result.edition.number} 版`);
      show(await fetchState());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="publish-screen">
      <h1>发布</h1>
      <ErrorMessage error={error} />
      {checklist === null ? (
        <p role="status">正在检查草稿…</p>
      ) : (
        <section aria-labelledby="checklist-heading" className="panel">
          <h2 id="checklist-heading">发布前检查（草稿第 {checklist.revision} 版）</h2>
          <ul className="checklist">
            <li className={checklist.valid ? 'ok' : 'fail'}>
              <span className="check-mark" aria-hidden="true">
                {checklist.valid ? '✓' : '✗'}
              </span>
              {checklist.valid
                ? '数据校验通过'
                : `数据校验未通过：${checklist.issues.length} 处问题`}
              {checklist.valid ? null : (
                <ul>
                  {checklist.issues.slice(0, 20).map((issue, i) => (
                    <li key={i}>
                      {report === null ? '' : `${issuePlace(report, issue.pathSegments)}：`}
                      {issue.message.zh}
                    </li>
                  ))}
                </ul>
              )}
            </li>
            <li className={checklist.openNotes.length === 0 ? 'ok' : 'warn'}>
              <span className="check-mark" aria-hidden="true">
                {checklist.openNotes.length === 0 ? '✓' : '!'}
              </span>
              {checklist.openNotes.length === 0
                ? '没有待决定的编辑问题'
                : `${checklist.openNotes.length} 个编辑问题尚待决定（可以发布，但会公开显示为“存疑”）`}
              {checklist.openNotes.length === 0 ? null : (
                <ul>
                  {checklist.openNotes.map((note) => (
                    <li key={note.id}>
                      {NOTE_KIND_LABELS[note.kind].zh}
                      {report === null
                        ? ''
                        : `（${note.nodeIds.map((id) => describeNode(report, id)).join('、')}）`}
                      ：{note.reasoning}
                    </li>
                  ))}
                </ul>
              )}
            </li>
            <li className={warnings.length === 0 ? 'ok' : 'warn'}>
              <span className="check-mark" aria-hidden="true">
                {warnings.length === 0 ? '✓' : '!'}
              </span>
              {warnings.length === 0
                ? '没有空的章节、缺少状态的举措或半角标点'
                : `${warnings.length} 处需要留意（不妨碍发布，建议先在编辑页处理）`}
              {warnings.length === 0 ? null : (
                <ul>
                  {warnings.slice(0, WARNINGS_SHOWN).map((w) => (
                    <li key={`${w.code}-${w.nodeId}`}>
                      {w.label}：{w.message.zh}
                    </li>
                  ))}
                  {warnings.length > WARNINGS_SHOWN ? (
                    <li>另有 {warnings.length - WARNINGS_SHOWN} 处未列出。</li>
                  ) : null}
                </ul>
              )}
            </li>
            <li className="info">
              <span className="check-mark" aria-hidden="true">
                Δ
              </span>
              {checklist.latestEdition === null
                ? '这将是第一个公开版本。'
                : `自第 ${checklist.latestEdition.number} 版（${formatTime(checklist.latestEdition.publishedAt)}）以来：${checklist.changeSummary?.message.zh ?? '没有改动'}`}
            </li>
            {unsaved ? (
              <li className="fail">
                <span className="check-mark" aria-hidden="true">
                  ✗
                </span>
                您还有未保存的修改，请等待保存完成后再发布。
              </li>
            ) : null}
          </ul>
          <button
            type="button"
            className="primary"
            disabled={!checklist.valid || unsaved || unchanged || busy}
            onClick={() => setConfirming(true)}
          >
            {busy ? '正在发布…' : '发布新版本'}
          </button>
          {!checklist.valid ? <p className="hint">请先在编辑页修正上述问题。</p> : null}
          {unchanged ? <p className="hint">草稿与最新版本相同，无需发布。</p> : null}
        </section>
      )}
      {published === null ? null : <ExportProgress edition={published} />}
      <section aria-labelledby="editions-heading" className="panel">
        <h2 id="editions-heading">已发布的版本</h2>
        {editions.length === 0 ? <p>尚未发布任何版本。</p> : null}
        <ol className="editions" reversed>
          {editions.map((e) => (
            <li key={e.id} data-edition={e.number}>
              <strong>第 {e.number} 版</strong> · {formatTime(e.publishedAt)} ·{' '}
              {e.publishedBy ?? '系统'} · 来自草稿第 {e.fromRevision ?? '—'} 版
              <br />
              <span className="change-summary">
                {e.changeSummary === null ? '首个版本' : e.changeSummary.message.zh}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {confirming && checklist !== null ? (
        <ConfirmDialog
          title="确认发布"
          message={
            <p>
              将草稿第 {checklist.revision} 版发布为公开版本。发布后的版本不可修改，公众会立即看到。
            </p>
          }
          confirmLabel="发布"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void publish()}
        />
      ) : null}
    </div>
  );
}
