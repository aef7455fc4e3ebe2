import type { RequestHandler, Router } from 'express';
import { toValidationIssues } from '@leshan/report-core';
import type { Lang } from '../../ui/i18n.js';
import { SearchPage, searchProps } from '../../ui/pages/search-page.js';
import { searchIndexHref } from '../api/links.js';
import { SearchFiltersSchema } from '../api/search-schemas.js';
import { runSearch } from '../search/run-search.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { messageOutcome } from './message-outcome.js';

/** GET /search?q=…: the results rendered on the server, so search works without JavaScript. */
export function addSearchPage(
  router: Router,
  lang: Lang,
  page: (h: (r: PageRequest) => Promise<PageOutcome>) => RequestHandler,
): void {
  router.get(
    '/search',
    page(({ req, edition }) => {
      const parsed = SearchFiltersSchema.safeParse(req.query);
      if (!parsed.success) {
        const lines = toValidationIssues(parsed.error.issues).map(
          (i) => `${i.path}：${lang === 'en' ? i.message.en : i.message.zh}`,
        );
        return Promise.resolve(
          messageOutcome(400, lang === 'en' ? 'Invalid search' : '搜索条件有误', lines),
        );
      }
      const filters = parsed.data;
      const result = runSearch(edition, filters);
      const view = {
        q: filters.q,
        ...(filters.chapter === undefined ? {} : { chapter: filters.chapter }),
        ...(filters.kind === undefined ? {} : { kind: filters.kind }),
      };
      const props = searchProps(edition.report, lang, view, result, searchIndexHref(edition));
      const title =
        filters.q === ''
          ? lang === 'en'
            ? 'Search'
            : '搜索'
          : lang === 'en'
            ? `Search: ${filters.q}`
            : `搜索：${filters.q}`;
      return Promise.resolve({
        kind: 'page',
        content: { title, element: <SearchPage props={props} />, showSiteSearch: false },
      });
    }),
  );
}
