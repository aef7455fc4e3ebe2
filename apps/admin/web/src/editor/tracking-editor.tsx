import { useState } from 'react';
import {
  ProgressSchema,
  TRACKING_STATUS_LABELS,
  TrackingStatusSchema,
  toValidationIssues,
} from '@leshan/report-core';
import type { Command, Measure, TrackingStatus } from '@leshan/report-core';
import { Field } from '../ui/field.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { ProgressUpdateForm } from './progress-update-form.js';
import { useEdit } from './use-edit.js';

const firstMessage = (error: { issues: Parameters<typeof toValidationIssues>[0] }): string =>
  toValidationIssues(error.issues)[0]?.message.zh ?? '输入有误';

/** Status, progress and dated progress updates of a measure. */
export function TrackingEditor({ measure, canEdit }: { measure: Measure; canEdit: boolean }) {
  const edit = useEdit();
  const { tracking } = measure;
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const run = (commands: Command[], label: string, key: string | null = null) => {
    const outcome = edit(commands, label, key);
    setError(outcome.ok ? null : outcome.message);
    return outcome.ok;
  };

  const changeProgress = (text: string) => {
    setProgress(text);
    if (text.trim() === '') {
      run(
        [{ type: 'tracking.set', measureId: measure.id, progress: null }],
        '清除进度',
        `${measure.id}:progress`,
      );
      return;
    }
    const parsed = ProgressSchema.safeParse(Number(text));
    if (!/^\d+$/.test(text.trim()) || !parsed.success) {
      setError(parsed.success ? '进度必须是 0 到 100 的整数' : firstMessage(parsed.error));
      return;
    }
    run(
      [{ type: 'tracking.set', measureId: measure.id, progress: parsed.data }],
      '修改进度',
      `${measure.id}:progress`,
    );
  };

  return (
    <section className="panel" aria-labelledby={`${measure.id}-tracking`}>
      <h3 id={`${measure.id}-tracking`}>落实情况</h3>
      <div className="row">
        <Field label="状态">
          {(c) => (
            <select
              {...c}
              value={tracking.status ?? ''}
              disabled={!canEdit}
              onChange={(e) => {
                const status: TrackingStatus | null =
                  e.target.value === '' ? null : TrackingStatusSchema.parse(e.target.value);
                run([{ type: 'tracking.set', measureId: measure.id, status }], '修改状态');
              }}
            >
              <option value="">尚未填报</option>
              {TrackingStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {TRACKING_STATUS_LABELS[s].zh}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="进度（%）" error={error} hint="0–100 的整数，留空表示尚未填报">
          {(c) => (
            <input
              {...c}
              inputMode="numeric"
              value={progress ?? (tracking.progress === null ? '' : String(tracking.progress))}
              readOnly={!canEdit}
              onChange={(e) => changeProgress(e.target.value)}
              onBlur={() => error === null && setProgress(null)}
            />
          )}
        </Field>
        {tracking.progress === null ? null : (
          <meter
            className="progress-meter"
            min={0}
            max={100}
            value={tracking.progress}
            aria-label="当前进度"
          >
            {tracking.progress}%
          </meter>
        )}
      </div>

      <h4>进展记录（{tracking.updates.length}）</h4>
      {tracking.updates.length === 0 ? <p className="hint">尚无进展记录。</p> : null}
      <ol className="updates">
        {tracking.updates.map((update) => (
          <li key={update.id}>
            <p>
              <time dateTime={update.date}>{update.date}</time>
              {update.status === undefined ? null : (
                <span className="tag">{TRACKING_STATUS_LABELS[update.status].zh}</span>
              )}
              {update.progress === undefined ? null : (
                <span className="tag">{update.progress}%</span>
              )}
            </p>
            <p>{update.note}</p>
            {update.evidenceUrl === undefined ? null : (
              <p>
                佐证：
                <a href={update.evidenceUrl} rel="noreferrer noopener" target="_blank">
                  {update.evidenceUrl}
                </a>
              </p>
            )}
            {canEdit ? (
              <button type="button" className="danger" onClick={() => setRemoving(update.id)}>
                删除<span className="visually-hidden">{update.date} 的进展记录</span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? <ProgressUpdateForm measure={measure} /> : null}
      {removing === null ? null : (
        <ConfirmDialog
          title="删除进展记录"
          message={<p>确定删除这条进展记录吗？删除后可以撤销。</p>}
          confirmLabel="删除"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            run([{ type: 'progress.remove', id: removing }], '删除进展记录');
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}
