import { renderToString } from 'react-dom/server';
import type { ReactElement } from 'react';
import type { EditionSummary } from '../../schemas.js';
import { PageContextReact, splitEditionPath } from '../../ui/context.js';
import { renderDocument } from '../../ui/document.js';
import { labelsFor } from '../../ui/i18n.js';
import type { Lang } from '../../ui/i18n.js';
import type { IslandRegistry } from '../../ui/island.js';
import { IslandContext } from '../../ui/island.js';
import { Layout } from '../../ui/layout.js';
import type { ClientAssets } from '../http/client-assets.js';
import { OG_IMAGE, ogImageAlt } from './favicon.js';
import { siteOrigin } from './site-files.js';

export interface PageContent {
  title: string;
  description?: string;
  element: ReactElement;
  /** Extra Atom feeds to announce in <head> (the site-wide ones are always there). */
  feeds?: { href: string; title: string }[];
  /** false on the search page, which has its own search form. */
  showSiteSearch?: boolean;
  /** Absolute address of the page (`<link rel=canonical>`, og:url); set by the page router. */
  canonical?: string;
  /** The query the page reads (`?…` or ''), kept by the language switch. */
  query?: string;
  /** The share card's og:type and twitter:card, when not the site's default (issue 19). */
  share?: { ogType: 'article'; twitterCard: 'summary' };
}

export interface RenderRequest {
  lang: Lang;
  /** The public origin (settings, never the Host header): the share image's absolute address. */
  siteUrl: string;
  path: string;
  edition: EditionSummary | undefined;
  assets: ClientAssets;
}

/** Renders a page to a whole HTML document: React on the server, islands recorded for hydration. */
export function renderPage(request: RenderRequest, content: PageContent): string {
  const islands: IslandRegistry = {};
  const t = labelsFor(request.lang);
  const { base, path } = splitEditionPath(request.path);
  const body = renderToString(
    <PageContextReact.Provider
      value={{
        lang: request.lang,
        path,
        base,
        query: content.query ?? '',
        edition: request.edition,
      }}
    >
      <IslandContext.Provider
        value={{
          record: (id, island) => {
            islands[id] = island;
          },
        }}
      >
        <Layout showSearch={content.showSiteSearch ?? true}>{content.element}</Layout>
      </IslandContext.Provider>
    </PageContextReact.Provider>,
  );
  return renderDocument({
    lang: request.lang,
    title: content.title === t.siteName ? t.siteName : `${content.title} · ${t.siteName}`,
    siteName: t.siteName,
    description: content.description ?? t.footerNote,
    ...(content.canonical === undefined ? {} : { canonical: content.canonical }),
    ...(content.share ?? {}),
    image: {
      url: `${siteOrigin(request.siteUrl)}${OG_IMAGE.path}`,
      width: OG_IMAGE.width,
      height: OG_IMAGE.height,
      alt: ogImageAlt(request.lang, t.siteName),
    },
    body,
    css: request.assets.css,
    script: request.assets.script,
    islands,
    feeds: [
      { href: '/feeds/editions.atom', title: t.editionsFeed },
      { href: '/feeds/progress.atom', title: t.progressFeed },
      ...(content.feeds ?? []),
    ],
  });
}
