import { useEffect } from 'react';
import type { Report } from '@leshan/report-core';
import { chapterLabel } from '@leshan/report-core/labels';
import {
  ChapterPage,
  HomePage,
  IndicatorQuerySchema,
  PlacesPage,
  ReportViews,
  SourcePage,
  TargetsPage,
} from '@leshan/report-views';
import '@leshan/report-views/styles.css';
import { previewLinks, previewPageOf, usePreviewPath } from './preview-location.js';

/** The targets filters in the address (?unit=公里…); none when it holds one the site would refuse. */
function addressQuery() {
  const parsed = IndicatorQuerySchema.safeParse(
    Object.fromEntries(new URLSearchParams(window.location.search)),
  );
  return parsed.success ? parsed.data : IndicatorQuerySchema.parse({});
}

/**
 * The draft rendered by the public site's own page bodies (@leshan/report-views) with the site's
 * stylesheet: the home page at /admin/preview, a chapter at /admin/preview/chapters/N, the
 * targets, places and source pages at /admin/preview/targets, /places and /source.
 */
export function DraftSite({ report }: { report: Report }) {
  const address = usePreviewPath();
  const page = previewPageOf(address.replace(/#.*$/, ''));

  // A new page starts at its top, or at the measure its address names (and marks it, :target).
  useEffect(() => {
    const hash = window.location.hash;
    if (hash === '') window.scrollTo(0, 0);
    else window.location.replace(hash);
  }, [address]);

  const chapter =
    page.kind === 'chapter' ? report.chapters.find((c) => c.number === page.number) : undefined;
  return (
    <div className="draft-site">
      <ReportViews lang="zh" links={previewLinks}>
        <div className="wrap">
          {page.kind === 'home' ? <HomePage report={report} /> : null}
          {page.kind === 'chapter' && chapter !== undefined ? (
            <ChapterPage report={report} chapter={chapter} />
          ) : null}
          {page.kind === 'targets' ? <TargetsPage report={report} query={addressQuery()} /> : null}
          {page.kind === 'places' ? <PlacesPage report={report} /> : null}
          {page.kind === 'source' ? <SourcePage report={report} /> : null}
          {page.kind === 'chapter' && chapter === undefined ? (
            <p role="status">
              草稿中没有{chapterLabel(page.number).zh}。<a href={previewLinks.home()}>回到目录</a>
            </p>
          ) : null}
        </div>
      </ReportViews>
    </div>
  );
}
