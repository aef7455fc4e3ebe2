import { useState } from 'react';
import type { ChangeEvent } from 'react';
import type { ImportPreview } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { navigate } from '../layout/router.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Field } from '../ui/field.js';
import { ReportPreview } from '../preview/report-preview.js';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as Record<string, string>;

/** Paste or upload the source text, read the parser's diagnostics and preview, then confirm. */
export function ImportScreen() {
  const { api, store, announce } = useApp();
  const draft = useDraft();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    if (!file.name.toLowerCase().endsWith('.txt')) {
      setFieldError('请上传 .txt 纯文本文件（UTF-8 编码）');
      return;
    }
    setText(await file.text());
    setPreview(null);
    setFieldError(null);
  };

  const check = async () => {
    if (text.trim() === '') {
      setFieldError('请粘贴或上传原文');
      return;
    }
    setBusy(true);
    try {
      setPreview(await api.importPreview(text));
      setConfirmed(false);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const create = async () => {
    setBusy(true);
    try {
      await store.flush();
      const result = await api.importText(text, store.state.revision);
      await store.reload();
      announce(`已根据导入的原文创建草稿第 ${result.revision} 版`);
      navigate('edit');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-screen">
      <h1>导入原文</h1>
      <p>
        粘贴政府工作报告原文或上传 .txt 文件，先检查解析结果，确认后再替换当前草稿（第{' '}
        {draft.revision} 版）。替换会产生新修订，可在修订历史中恢复。
      </p>
      <Field label="原文" error={fieldError} hint={`${Array.from(text).length} 字`}>
        {(c) => (
          <textarea
            {...c}
            rows={10}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPreview(null);
            }}
          />
        )}
      </Field>
      <Field label="或上传 .txt 文件">
        {(c) => (
          <input {...c} type="file" accept=".txt,text/plain" onChange={(e) => void upload(e)} />
        )}
      </Field>
      <button type="button" className="primary" onClick={() => void check()} disabled={busy}>
        {busy && preview === null ? '正在解析…' : '检查并预览'}
      </button>
      <ErrorMessage error={error} />
      {preview === null ? null : (
        <>
          <section className="panel" aria-labelledby="import-result">
            <h2 id="import-result">解析结果</h2>
            <p>
              {preview.stats.chapters} 章、{preview.stats.sections} 节、{preview.stats.measures}{' '}
              项举措。
              {preview.validation.ok
                ? '可以据此创建有效的草稿。'
                : `还不能导入：草稿校验有 ${preview.validation.issues.length} 处问题，请修正原文后重新检查。`}
            </p>
            {preview.validation.ok ? null : (
              <ul className="diagnostics" aria-label="校验问题">
                {preview.validation.issues.slice(0, 20).map((issue, i) => (
                  <li key={i} className="diag-error">
                    <span className="tag">错误</span> {issue.path === '' ? '' : `${issue.path}：`}
                    {issue.message.zh}
                  </li>
                ))}
              </ul>
            )}
            <h3>自动去除的重复（{preview.removals.length}）</h3>
            {preview.removals.length === 0 ? (
              <p>原文中没有逐字重复的举措。</p>
            ) : (
              <>
                <p>
                  以下举措在原文中逐字重复出现：导入时保留第一处，删除其后的副本，并为每一项记一条“待处理”的编辑说明，发布前请在编辑页逐条核对。
                </p>
                <ul className="removals">
                  {preview.removals.map((r) => (
                    <li key={r.keptId}>
                      “{r.text}” 保留第 {r.keptLines.join('、')} 行，删除第{' '}
                      {r.removedLines.join('、')} 行
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>诊断（{preview.diagnostics.length}）</h3>
            {preview.diagnostics.length === 0 ? <p>没有需要注意的问题。</p> : null}
            <ul className="diagnostics">
              {preview.diagnostics.map((d, i) => (
                <li key={i} className={`diag-${d.severity}`}>
                  <span className="tag">{SEVERITY[d.severity] ?? d.severity}</span> 第{' '}
                  {d.lines.join('、')} 行：{d.message.zh}
                </li>
              ))}
            </ul>
            <label className="check">
              <input
                type="checkbox"
                checked={confirmed}
                disabled={!preview.validation.ok}
                onChange={(e) => setConfirmed(e.target.checked)}
              />
              我已检查解析结果，确认用导入的原文替换当前草稿
            </label>
            <button
              type="button"
              className="danger"
              disabled={!confirmed || busy || !preview.validation.ok}
              onClick={() => void create()}
            >
              替换草稿
            </button>
          </section>
          <section className="panel" aria-labelledby="import-preview">
            <h2 id="import-preview">预览</h2>
            {preview.report === null ? (
              <p>原文的结构有误（见上方校验问题），暂时无法预览。</p>
            ) : (
              <ReportPreview report={preview.report} headingLevel={3} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
