import type { RequestHandler, Router } from 'express';
import type { Lang } from '../../ui/i18n.js';
import { AboutPage } from '../../ui/pages/about-page.js';
import type { ServerDeps } from '../deps.js';
import type { PageOutcome, PageRequest } from './page-handler.js';

/** GET /about (and /en/about): who runs the site, the data licence, the full report, the method. */
export function addAboutPage(
  router: Router,
  deps: ServerDeps,
  lang: Lang,
  page: (h: (r: PageRequest) => Promise<PageOutcome>) => RequestHandler,
): void {
  router.get(
    '/about',
    page(async () => {
      const editions = await deps.source.listEditions();
      return {
        kind: 'page',
        content: {
          title: lang === 'en' ? 'About this site' : '关于本站',
          description:
            lang === 'en'
              ? 'Who runs this site, how to reach them, what the data licence allows, where the official full report is and how the data is made.'
              : '本站的主办单位和联系方式、数据许可允许的用途、报告全文的出处，以及数据的整理方法。',
          element: <AboutPage editions={editions} />,
        },
      };
    }),
  );
}
