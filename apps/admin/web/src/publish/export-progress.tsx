import { useEffect, useState } from 'react';
import type { EditionMeta } from '../../../src/api/editions.schemas.js';
import type { EditionExports } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { exportFormatLabel, formatFileSize } from '@leshan/report-core/labels';

const STATE_LABELS = {
  queued: '排队中',
  running: '正在生成',
  done: '已完成',
  failed: '失败',
} as const;

export const exportsFinished = (exports: EditionExports): boolean =>
  exports.jobs.length > 0 &&
  exports.jobs.every((job) => job.state === 'done' || job.state === 'failed');

/** Polls the edition's export jobs until each is done or failed, then links the files. */
export function ExportProgress({
  edition,
  intervalMs = 1500,
}: {
  edition: EditionMeta;
  intervalMs?: number;
}) {
  const { api } = useApp();
  const [exports, setExports] = useState<EditionExports | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.exports(edition.id);
        if (!live) return;
        setExports(next);
        setError(null);
        if (!exportsFinished(next)) timer = setTimeout(() => void poll(), intervalMs);
      } catch (e) {
        if (!live) return;
        setError(e);
        timer = setTimeout(() => void poll(), intervalMs * 2);
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, edition.id, intervalMs]);

  const done = exports !== null && exportsFinished(exports);
  return (
    <section aria-labelledby="exports-heading" className="panel">
      <h2 id="exports-heading">第 {edition.number} 版已发布：导出文件</h2>
      <p>
        {edition.changeSummary === null
          ? '首个版本。'
          : `改动：${edition.changeSummary.message.zh}`}
      </p>
      <ErrorMessage error={error} />
      <p role="status" aria-live="polite">
        {exports === null
          ? '正在查询导出进度…'
          : done
            ? '导出已结束。'
            : `正在导出（${exports.jobs.filter((j) => j.state === 'done').length}/${exports.jobs.length}）…`}
      </p>
      {exports === null ? null : (
        <table className="cards">
          <caption className="visually-hidden">导出任务</caption>
          <thead>
            <tr>
              <th scope="col">格式</th>
              <th scope="col">状态</th>
              <th scope="col">尝试次数</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {exports.jobs.map((job) => (
              <tr key={job.id}>
                <td data-label="格式">{exportFormatLabel(job.format)}</td>
                <td data-label="状态" className={`job-${job.state}`}>
                  {STATE_LABELS[job.state]}
                </td>
                <td data-label="尝试次数">{job.attempts}</td>
                <td data-label="说明">{job.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {exports !== null && exports.artifacts.length > 0 ? (
        <ul className="artifacts">
          {exports.artifacts.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.fileName}>
                {a.fileName}
              </a>{' '}
              <span className="hint">
                {exportFormatLabel(a.format)} · {formatFileSize(a.size)} · SHA-256{' '}
                {a.sha256.slice(0, 12)}…
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
