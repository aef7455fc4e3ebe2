import { useDraft } from '../layout/use-draft.js';
import { ReportPreview } from './report-preview.js';

/** The draft as the public will see it once published, with unsaved changes included. */
export function PreviewScreen() {
  const draft = useDraft();
  return (
    <div className="preview-screen">
      <h1>预览（草稿第 {draft.revision} 版）</h1>
      <p className="hint">这是草稿发布后公众看到的内容；本页只读，请在“编辑”页修改。</p>
      {draft.report === null ? (
        <p role="status">正在载入草稿…</p>
      ) : (
        <ReportPreview report={draft.report} />
      )}
    </div>
  );
}
