import { listMeasures } from '@leshan/report-core';
import type { Edition, EditionSummary } from '../schemas.js';
import type { Artifact } from '../schemas.js';
import { API_BASE, artifactHref } from '../server/api/links.js';
import { OG_IMAGE } from '../server/pages/favicon.js';
import { measureFeedPath } from '../server/pages/measure-pages.js';
import { editionPagePaths } from '../server/pages/site-pages.js';
import { localPath } from '../ui/i18n.js';

/** Where a past edition's page lives: `/editions/N` before the page's path (issue 12). */
export function pastEditionPath(number: number, path: string): string {
  return `/editions/${number}${path === '/' ? '' : path}`;
}

/**
 * Every URL of the site that a static host can serve: pages (both languages) of the latest
 * edition and of each past one (under /editions/N, with the banner to the latest), feeds, API
 * JSON, files.
 */
export function staticUrls(
  latest: Edition,
  editions: readonly EditionSummary[],
  artifactsByEdition: ReadonlyMap<string, readonly Artifact[]>,
  past: readonly Edition[] = [],
): string[] {
  const pages = [
    ...editionPagePaths(latest.report),
    ...past.flatMap((e) => editionPagePaths(e.report).map((p) => pastEditionPath(e.number, p))),
    '/search',
    '/editions',
    ...editions
      .slice(0, -1)
      .map((e, i) => `/editions/diff/${editions[i + 1]?.number ?? e.number}/${e.number}`),
  ];
  const feeds = [
    '/feeds/editions.atom',
    '/feeds/progress.atom',
    ...latest.report.chapters.map((c) => `/feeds/chapters/${c.number}/progress.atom`),
    ...listMeasures(latest.report).map((m) => measureFeedPath(m.id)),
  ];
  const api = [
    `${API_BASE}/openapi.json`,
    `${API_BASE}/editions.json`,
    `${API_BASE}/editions/latest.json`,
    `${API_BASE}/editions/latest/artifacts.json`,
    `${API_BASE}/indicators.json`,
    ...listMeasures(latest.report).map((m) => `${API_BASE}/measures/${m.id}.json`),
    ...editions.flatMap((e) => [
      `${API_BASE}/editions/${e.id}.json`,
      `${API_BASE}/editions/${e.number}.json`,
      `${API_BASE}/editions/${e.hash}.json`,
      `${API_BASE}/editions/${e.id}/artifacts.json`,
      `${API_BASE}/editions/${e.number}/artifacts.json`,
      `${API_BASE}/editions/${e.hash}/search-index.json`,
      ...(artifactsByEdition.get(e.id) ?? []).map((a) => artifactHref(e, a)),
    ]),
  ];
  const files = ['/robots.txt', '/sitemap.xml', '/favicon.svg', '/favicon.ico', OG_IMAGE.path];
  return [
    ...new Set([...pages, ...pages.map((p) => localPath('en', p)), ...feeds, ...api, ...files]),
  ];
}

/** The file a URL is written to: pages become folder/index.html so /chapters/1 works on any host. */
export function fileForUrl(url: string): string {
  const path = decodeURIComponent(url.split('?')[0] ?? '/');
  if (path.endsWith('/')) return `${path.slice(1)}index.html`;
  if (/\.[a-z0-9]+$/i.test(path.split('/').pop() ?? '')) return path.slice(1);
  return `${path.slice(1)}/index.html`;
}
