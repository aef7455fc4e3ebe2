import { listMeasures } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import { localPath } from '../../ui/i18n.js';

/** Every page that exists once per edition, at its canonical path (also under /editions/N). */
export function editionPagePaths(report: Report): string[] {
  return [
    '/',
    ...report.chapters.map((c) => `/chapters/${c.number}`),
    // Issue 19: a page per measure.
    ...listMeasures(report).map((m) => `/measures/${m.id}`),
    '/targets',
    '/places',
    '/measures',
    ...report.places.map((p) => `/places/${p.id}`),
    ...(report.departments ?? []).map((d) => `/departments/${d.id}`),
    '/downloads',
    '/source',
    '/print',
  ];
}

/** What sitemap.xml lists: the latest edition's pages and the list of editions, both languages. */
export function sitemapPaths(report: Report): string[] {
  const pages = [...editionPagePaths(report), '/editions'];
  return [...pages, ...pages.map((p) => localPath('en', p))];
}
