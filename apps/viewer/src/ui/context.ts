import { createContext, useContext } from 'react';
import type { EditionSummary } from '../schemas.js';
import type { Lang } from './i18n.js';
import { labelsFor, localPath } from './i18n.js';

/** What every page component knows about the request it renders. */
export interface PageContext {
  lang: Lang;
  /** The path without the /en prefix, e.g. /chapters/2. */
  path: string;
  /** The edition shown; undefined only before anything is published. */
  edition: EditionSummary | undefined;
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
    link: (path) => localPath(page.lang, path),
    pick: (zh, en) => (page.lang === 'en' ? en : zh),
  };
}
