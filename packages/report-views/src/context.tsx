/** @jsxRuntime automatic */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Labels, Lang } from './labels.js';
import { labelsFor } from './labels.js';

/**
 * Where the page bodies link to. The viewer answers with its canonical routes (edition prefix,
 * /en); the admin preview with addresses inside the preview. `undefined`: the page has no such
 * place (the preview has no feeds); the words stay, without a link.
 */
export interface ViewLinks {
  home: () => string;
  /** A chapter's page, or a measure or section on it when `anchor` is its id. */
  chapter: (chapterNumber: number, anchor?: string) => string;
  /** What chapter addresses start with, `<chapters>/N#id` (the targets table's measure links). */
  chapters: () => string;
  /** The targets page: where its filter form goes. */
  targets: () => string;
  /** A place on the places page. */
  place: (placeId: string) => string | undefined;
  /** An editorial note on the source page (e.g. the one that explains a missing title). */
  note: (noteId: string) => string | undefined;
  /** A chapter's progress feed (Atom). */
  chapterFeed: (chapterNumber: number) => string | undefined;
  /** A measure's own page (issue 19); where there is none, its anchor in its chapter. */
  measure: (measureId: string, chapterNumber: number) => string;
  /** A measure's progress feed (Atom). */
  measureFeed: (measureId: string) => string | undefined;
  /** The list of all measures with a filter query (`?status=completed`); undefined where there is none. */
  measureList: (search?: string) => string | undefined;
  /** A department's page; undefined where there is none. */
  department: (departmentId: string) => string | undefined;
  /** A place's own page, with its scoreboard; undefined where there is none. */
  placePage: (placeId: string) => string | undefined;
}

interface ViewEnv {
  lang: Lang;
  links: ViewLinks;
}

const ViewEnvContext = createContext<ViewEnv | null>(null);

/**
 * The root of everything the package renders: its language, its links, and the element that
 * carries the site's colours and type (`.report-views` in styles.css).
 */
export function ReportViews({
  lang,
  links,
  children,
}: {
  lang: Lang;
  links: ViewLinks;
  children: ReactNode;
}) {
  return (
    <ViewEnvContext.Provider value={{ lang, links }}>
      <div className="report-views">{children}</div>
    </ViewEnvContext.Provider>
  );
}

/** The language, labels and links of the page being rendered (inside <ReportViews>). */
export function useView(): ViewEnv & { t: Labels; pick: (zh: string, en: string) => string } {
  const env = useContext(ViewEnvContext);
  if (env === null) throw new Error('useView outside <ReportViews>');
  return { ...env, t: labelsFor(env.lang), pick: (zh, en) => (env.lang === 'en' ? en : zh) };
}
