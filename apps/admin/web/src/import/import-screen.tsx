import { useState } from 'react';
import type { ChangeEvent } from 'react';
import type { ImportPreview } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { noteLabel } from '@leshan/report-core/labels';
import { ErrorMessage } from '../ui/error-message.js';
import { Field } from '../ui/field.js';
import type { Decisions } from './merge-review.js';
import { initialDecisions, MergeReview, undecided } from './merge-review.js';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as Record<string, string>;

/**
 * Re-import as a merge: paste or upload the text, review what it changes item by item, accept or
 * reject each, then apply it as one revision (publisher or admin) — and undo it if need be.
 */
export function ImportScreen() {
  const { api, store, announce, session } = useApp();
  const draft = useDraft();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [applied, setApplied] = useState<{ before: number; revision: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const canApply = session.permissions.publish;

  const reset = () => {
    setPreview(null);
    setApplied(null);
  };
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    if (!file.name.toLowerCase().endsWith('.txt')) {
      setFieldError('请上传 .txt 纯文本文件（UTF-8 编码）');
      return;
    }
    setText(await file.text());
    reset();
    setFieldError(null);
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const check = () => {
    if (text.trim() === '') {
      setFieldError('请粘贴或上传原文');
      return;
    }
    void run(async () => {
      await store.flush();
      const next = await api.importPreview(text);
      setPreview(next);
      setDecisions(initialDecisions(next.proposal.items));
      setApplied(null);
    });
  };

  const apply = (base: number) =>
    void run(async () => {
      const result = await api.importText(text, base, decisions);
      await store.reload();
      setApplied({ before: base, revision: result.revision });
      setPreview(null);
      announce(`已按所选项合并导入，草稿现为第 ${result.revision} 版`);
    });

  const undo = (done: { before: number; revision: number }) =>
    void run(async () => {
      await api.restore(done.before, done.revision);
      await store.reload();
      setApplied(null);
      announce(`已撤销导入，草稿恢复为第 ${done.before} 版的内容`);
    });

  const missing = preview === null ? [] : undecided(preview.proposal.items, decisions);
  const counts = preview?.proposal.counts;
  return (
    <div className="import-screen">
      <h1>导入原文</h1>
      <p>
        粘贴新的原文或上传 .txt
        文件。导入是合并，不是替换：未变的举措保留编号和编辑整理的数据（目标、地点、进展、编辑说明），有改动、新增、删除和移动的逐项由您决定。当前草稿为第{' '}
        {draft.revision} 版。
      </p>
      {canApply ? null : (
        <p className="notice" role="note">
          您可以准备预览；合并导入和恢复整个草稿需要发布者或管理员权限，请把预览结果交给他们确认。
        </p>
      )}
      <Field label="原文" error={fieldError} hint={`${Array.from(text).length} 字`}>
        {(c) => (
          <textarea
            {...c}
            rows={10}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              reset();
            }}
          />
        )}
      </Field>
      <Field label="或上传 .txt 文件">
        {(c) => (
          <input {...c} type="file" accept=".txt,text/plain" onChange={(e) => void upload(e)} />
        )}
      </Field>
      <button type="button" className="primary" onClick={check} disabled={busy}>
        {busy && preview === null ? '正在解析和比对…' : '检查并预览'}
      </button>
      <ErrorMessage error={error} />
      {applied === null ? null : (
        <section className="panel" aria-labelledby="import-applied">
          <h2 id="import-applied">已合并导入</h2>
          <p>
            草稿现为第 {applied.revision} 版。撤销会把草稿恢复为导入前（第 {applied.before}{' '}
            版）的内容，也可以之后在修订历史中恢复。
          </p>
          <button type="button" onClick={() => undo(applied)} disabled={busy}>
            撤销这次导入
          </button>
        </section>
      )}
      {preview === null || counts === undefined ? null : (
        <section className="panel" aria-labelledby="import-result">
          <h2 id="import-result">合并预览</h2>
          <p className="merge-summary">
            未变 {counts.unchanged} 项 · 有改动 {counts.changed} 项 · 新增 {counts.new} 项 · 已没有{' '}
            {counts.removed} 项 · 移动 {counts.moved} 项
          </p>
          {preview.proposal.skipped.length > 0 ? (
            <details>
              <summary>
                新原文中重复的 {preview.proposal.skipped.length} 段文字仍按原先的编辑决定略去
              </summary>
              <ul>
                {preview.proposal.skipped.map((s, i) => (
                  <li key={i}>
                    第 {s.lines.join('、')} 行：{s.text}
                    {s.noteId === null || draft.report === null
                      ? ''
                      : `（见${noteLabel(draft.report, s.noteId) ?? '编辑说明'}）`}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {preview.proposal.similarityLimited ? (
            <p className="notice">
              新原文与草稿差别太大，未逐句比较相似度：改动的句子会显示为删除加新增。
            </p>
          ) : null}
          <MergeReview
            items={preview.proposal.items}
            decisions={decisions}
            onDecide={(key, d) => setDecisions((old) => ({ ...old, [key]: d }))}
          />
          <details>
            <summary>解析诊断（{preview.diagnostics.length}）</summary>
            <ul className="diagnostics">
              {preview.diagnostics.map((d, i) => (
                <li key={i} className={`diag-${d.severity}`}>
                  <span className="tag">{SEVERITY[d.severity] ?? d.severity}</span> 第{' '}
                  {d.lines.join('、')} 行：{d.message.zh}
                </li>
              ))}
            </ul>
          </details>
          {missing.length > 0 ? (
            <p className="notice" role="status">
              还有 {missing.length} 项带有编辑整理的数据，请先选择接受或拒绝。
            </p>
          ) : null}
          <button
            type="button"
            className="primary"
            disabled={!canApply || busy || missing.length > 0}
            onClick={() => apply(preview.baseRevision)}
          >
            按所选项合并导入
          </button>
        </section>
      )}
    </div>
  );
}
