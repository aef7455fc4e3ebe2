import { useState } from 'react';
import type { ChangeEvent } from 'react';
import type { SheetPreview } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { describeNode } from '@leshan/report-core/labels';
import { ErrorMessage } from '../ui/error-message.js';
import { Field } from '../ui/field.js';

const STATUS = { unchanged: '未变', change: '将应用', error: '有错误' } as const;

/** The file's bytes as base64, in chunks (a large file would overflow one fromCharCode call). */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The bulk round trip (issue 18 point 4): download the draft's measures-and-targets sheet, fill in
 * new updates and observations, upload it, see each row's result, apply the valid rows as one
 * revision — and undo it.
 */
export function SheetScreen() {
  const { api, store, announce } = useApp();
  const draft = useDraft();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [applied, setApplied] = useState<{
    before: number;
    revision: number;
    count: number;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

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

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setApplied(null);
    if (chosen === undefined) return;
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) {
      setFieldError('请上传从本页下载的 .xlsx 或 .csv 表格');
      setFile(null);
      return;
    }
    if (chosen.size > 2_900_000) {
      setFieldError('文件过大：请上传不超过 2.9 MB 的表格');
      setFile(null);
      return;
    }
    setFieldError(null);
    const next = {
      fileName: chosen.name,
      content: base64Of(new Uint8Array(await chosen.arrayBuffer())),
    };
    setFile(next);
    void run(async () => {
      await store.flush();
      setPreview(await api.sheetPreview(next.fileName, next.content));
    });
  };

  const apply = (upload: { fileName: string; content: string }, base: number) =>
    void run(async () => {
      const result = await api.sheetApply(upload.fileName, upload.content, base);
      await store.reload();
      setApplied({ before: base, revision: result.revision, count: result.applied });
      setPreview(null);
      announce(`已应用 ${result.applied} 行，草稿现为第 ${result.revision} 版`);
    });

  const undo = (done: { before: number; revision: number }) =>
    void run(async () => {
      const result = await api.sheetUndo(done.revision);
      await store.reload();
      setApplied(null);
      announce(`已撤销批量更新：草稿现为第 ${result.revision} 版，内容与第 ${done.before} 版相同`);
    });

  const shown = preview?.rows.filter((r) => r.status !== 'unchanged') ?? [];
  return (
    <div className="sheet-screen">
      <h1>批量更新</h1>
      <p>
        下载当前草稿（第 {draft.revision}{' '}
        版）的举措与指标表，在“新进展”“新实际值”各列填写后上传：先逐行预览，再把没有错误的行作为一个修订应用。原样上传不会改变任何内容；有错误的行不会应用。
      </p>
      <p className="sheet-downloads">
        <a className="button" href="/api/draft/sheet?format=xlsx" download>
          下载 Excel（.xlsx）
        </a>{' '}
        <a className="button" href="/api/draft/sheet?format=csv" download>
          下载 CSV
        </a>
      </p>
      <Field label="上传填好的表格（.xlsx 或 .csv）" error={fieldError}>
        {(c) => (
          <input
            {...c}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => void choose(e)}
          />
        )}
      </Field>
      {busy && preview === null ? <p role="status">正在读取表格…</p> : null}
      <ErrorMessage error={error} />
      {applied === null ? null : (
        <section className="panel" aria-labelledby="sheet-applied">
          <h2 id="sheet-applied">已应用</h2>
          <p>
            已应用 {applied.count} 行，草稿现为第 {applied.revision}{' '}
            版。撤销会作为一次新的保存，删去这次添加的全部进展和实际值，草稿回到上传前（第{' '}
            {applied.before} 版）的内容；若之后有人改过其中的举措或指标，撤销会被拒绝，草稿不变。
          </p>
          <button type="button" onClick={() => undo(applied)} disabled={busy}>
            撤销这次批量更新
          </button>
        </section>
      )}
      {preview === null || file === null ? null : (
        <section className="panel" aria-labelledby="sheet-preview">
          <h2 id="sheet-preview">预览</h2>
          {preview.errors.map((e, i) => (
            <p key={i} className="error" role="alert">
              {e.message}：{e.fix}
            </p>
          ))}
          <p className="sheet-summary">
            未变 {preview.counts.unchanged} 行 · 将应用 {preview.counts.change} 行 · 有错误{' '}
            {preview.counts.error} 行
          </p>
          <ul className="sheet-rows">
            {shown.map((r) => (
              <li key={r.row} className={`sheet-row sheet-${r.status}`}>
                <span className="tag">{STATUS[r.status]}</span> 第 {r.row} 行
                {/* The measure or target in words (describeNode), never m38 (editors know no ids). */}
                {r.measureId === null || draft.report === null
                  ? ''
                  : ` · ${describeNode(draft.report, r.indicatorId ?? r.measureId)}`}
                <ul>
                  {r.changes.map((c, i) => (
                    <li key={`c${i}`}>{c}</li>
                  ))}
                  {r.errors.map((e, i) => (
                    <li key={`e${i}`} className="sheet-problem">
                      {e.column === null ? '' : `“${e.column}”列：`}
                      {e.message}。{e.fix}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="primary"
            disabled={busy || preview.counts.change === 0}
            onClick={() => apply(file, preview.baseRevision)}
          >
            应用 {preview.counts.change} 行（一个修订）
          </button>
        </section>
      )}
    </div>
  );
}
