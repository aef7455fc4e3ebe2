// The interface words live with the page bodies in @leshan/report-views; the site's paths here.
export { labelsFor } from '@leshan/report-views';
export type { Labels, Lang } from '@leshan/report-views';
import type { Lang } from '@leshan/report-views';

/** A site path in the given interface language: English pages live under /en. */
export function localPath(lang: Lang, path: string): string {
  if (lang === 'zh') return path;
  return path === '/' ? '/en/' : `/en${path}`;
}
