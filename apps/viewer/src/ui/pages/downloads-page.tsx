import type { Artifact } from '../../schemas.js';
import { usePage } from '../context.js';
import { exportFormatLabel, formatFileSize } from '@leshan/report-core/labels';

/** Every export file of the current edition: format, size, checksum, date. */
export function DownloadsPage({
  artifacts,
  fileHref,
  editionNumber,
}: {
  artifacts: readonly Artifact[];
  fileHref: (a: Artifact) => string;
  editionNumber: number;
}) {
  const { pick, t } = usePage();
  return (
    <>
      <h1>{pick('下载', 'Downloads')}</h1>
      <p className="lede">
        {pick('当前版本', 'Current edition')}：{t.edition(editionNumber)}。
        {pick(
          '每个文件都附有 SHA-256 校验值，可用于核对下载是否完整。',
          'Each file has a SHA-256 checksum to verify the download.',
        )}
      </p>
      {artifacts.length === 0 ? (
        <p className="empty">
          {pick('本版本暂无导出文件。', 'This edition has no export files yet.')}
        </p>
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="downloads-caption"
        >
          <table className="downloads cards">
            <caption id="downloads-caption">{pick('导出文件', 'Export files')}</caption>
            <thead>
              <tr>
                <th scope="col">{pick('格式', 'Format')}</th>
                <th scope="col">{pick('文件', 'File')}</th>
                <th scope="col">{pick('大小', 'Size')}</th>
                <th scope="col">SHA-256</th>
                <th scope="col">{pick('生成时间', 'Created')}</th>
              </tr>
            </thead>
            <tbody>
              {artifacts.map((a) => (
                <tr key={a.id}>
                  <td data-label={pick('格式', 'Format')}>
                    {pick(exportFormatLabel(a.format, 'zh'), exportFormatLabel(a.format, 'en'))}
                  </td>
                  <td data-label={pick('文件', 'File')}>
                    <a href={fileHref(a)} download={a.fileName}>
                      {a.fileName}
                    </a>
                  </td>
                  <td data-label={pick('大小', 'Size')}>{formatFileSize(a.size)}</td>
                  <td data-label="SHA-256">
                    <code className="checksum">{a.sha256}</code>
                  </td>
                  <td data-label={pick('生成时间', 'Created')}>
                    <time dateTime={a.createdAt}>{a.createdAt.slice(0, 10)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
