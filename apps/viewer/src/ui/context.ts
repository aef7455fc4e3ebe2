import { createContext, useContext } from 'react';
import type { ViewLinks } from '@leshan/report-views';
import type { EditionSummary } from '../schemas.js';
import type { Lang } from './i18n.js';
import { labelsFor, localPath } from './i18n.js';

/** What every page component knows about the request it renders. */
export interface PageContext {
  lang: Lang;
  /** The path without the /en prefix and without /editions/N, e.g. /chapters/2. */
  path: string;
  /** '' on the latest edition; /editions/N on a past edition's page (issue 12). */
  base: string;
  /** The query the page reads (`?…` or ''), kept by the language switch. */
  query: string;
  /** The edition shown; undefined only before anything is published. */
  edition: EditionSummary | undefined;
}

// Pages that exist once per edition; their links stay inside the edition being read.
const PER_EDITION =
  /^\/(?:[#?]|$|(?:chapters|measures|departments|targets|places|downloads|source|print)(?:[/#?]|$))/;

/**
 * Splits a page path into its edition prefix and the rest: `/editions/3/chapters/2` →
 * `{ base: '/editions/3', path: '/chapters/2' }`. The rest always starts with exactly one `/`,
 * so a link built from it cannot name another host (`//evil.example`).
 */
export function splitEditionPath(fullPath: string): { base: string; path: string } {
  const bare = `/${fullPath.replace(/^[/\\]+/, '')}`;
  const match = /^\/editions\/\d+(?=\/|$)/.exec(bare);
  const base = match?.[0] ?? '';
  const rest = bare.slice(base.length);
  return { base, path: `/${rest.replace(/^[/\\]+/, '')}` };
}

/** Whether a site path (without /en) names a page every edition has. */
export function isPerEditionPath(path: string): boolean {
  return PER_EDITION.test(path);
}

/** A link to a site path from a page in `base`: per-edition pages keep the edition. */
export function editionLink(lang: Lang, base: string, path: string): string {
  if (base === '' || !isPerEditionPath(path)) return localPath(lang, path);
  const inside = path === '/' ? '' : path.replace(/^\/(?=[#?])/, '');
  return localPath(lang, `${base}${inside}`);
}

/** The viewer's canonical routes for the page bodies of @leshan/report-views (issue 13). */
export function siteLinks(lang: Lang, base: string): ViewLinks {
  const link = (path: string): string => editionLink(lang, base, path);
  return {
    home: () => link('/'),
    chapter: (n, anchor) => link(`/chapters/${n}${anchor === undefined ? '' : `#${anchor}`}`),
    // The targets explorer's form and measure links (its props are serialized for hydration).
    chapters: () => localPath(lang, '/chapters'),
    targets: () => localPath(lang, '/targets'),
    place: (id) => link(`/places#place-${id}`),
    note: (id) => link(`/source#${id}`),
    chapterFeed: (n) => `/feeds/chapters/${n}/progress.atom`,
    measure: (id) => link(`/measures/${id}`),
    measureFeed: (id) => `/feeds/measures/${id}/progress.atom`,
    measureList: (search = '') => link(`/measures${search}`),
    department: (id) => link(`/departments/${id}`),
    placePage: (id) => link(`/places/${id}`),
  };
}

export const PageContextReact = createContext<PageContext | null>(null);

export function usePage(): PageContext & {
  t: ReturnType<typeof labelsFor>;
  link: (path: string) => string;
  pick: (zh: string, en: string) => string;
} {
  const page = useContext(PageContextReact);
  if (page === null) throw new Error('usePage outside a page render');
  return {
    ...page,
    t: labelsFor(page.lang),
    link: (path) => editionLink(page.lang, page.base, path),
    pick: (zh, en) => (page.lang === 'en' ? en : zh),
  };
}
