import { lazy, Suspense } from 'react';
import { publicReport } from '@leshan/report-core';
import { useDraft } from '../layout/use-draft.js';
import { followInside, PREVIEW_BASE } from './preview-location.js';
import './preview.css';

// The public site's components and stylesheet load with the preview only (and after the
// workspace's own stylesheet, so the site's rules win inside the preview pane).
const DraftSite = lazy(() => import('./draft-site.js').then((m) => ({ default: m.DraftSite })));

/** The draft as the public will see it once published, with unsaved changes included. */
export function PreviewScreen() {
  const draft = useDraft();
  // Exactly what publishing gives the public: internal editorial notes left out (issue 13 point 8).
  const shown = draft.report === null ? null : publicReport(draft.report);
  const hidden =
    draft.report === null || shown === null ? 0 : draft.report.notes.length - shown.notes.length;
  return (
    <div className="preview-screen" onClick={followInside}>
      <h1>预览（草稿第 {draft.revision} 版）</h1>
      <p className="preview-banner" role="note">
        <strong>预览：尚未发布</strong>
        <span>
          公众在发布后看到的就是下面的页面；本页只读，请在“编辑”页修改。
          <nav aria-label="预览的页面" className="preview-pages">
            <a href={PREVIEW_BASE}>目录</a>
            <a href={`${PREVIEW_BASE}/targets`}>量化指标</a>
            <a href={`${PREVIEW_BASE}/places`}>按地点</a>
            <a href={`${PREVIEW_BASE}/source`}>关于原文</a>
          </nav>
        </span>
        {hidden > 0 ? (
          <span className="preview-internal">
            内部（不公开）的编辑说明 {hidden} 条不会发布，预览中未显示。
          </span>
        ) : null}
      </p>
      {shown === null ? (
        <p role="status">正在载入草稿…</p>
      ) : (
        <Suspense fallback={<p role="status">正在载入预览…</p>}>
          <DraftSite report={shown} />
        </Suspense>
      )}
    </div>
  );
}
