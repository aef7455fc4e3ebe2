import type { RequestHandler, Router } from 'express';
import { toValidationIssues } from '@leshan/report-core';
import type { ValidationIssue } from '@leshan/report-core';
import type { Lang } from '../../ui/i18n.js';
import { SearchPage, searchProps } from '../../ui/pages/search-page.js';
import { searchIndexHref } from '../api/links.js';
import { SearchFiltersSchema, filtersView } from '../api/search-schemas.js';
import { runSearch } from '../search/run-search.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { messageOutcome } from './message-outcome.js';

/** 400 with one line per offending parameter, in the page's language. */
function invalidSearch(lang: Lang, issues: readonly ValidationIssue[]): PageOutcome {
  const lines = issues.map((i) => `${i.path}：${lang === 'en' ? i.message.en : i.message.zh}`);
  return messageOutcome(400, lang === 'en' ? 'Invalid search' : '搜索条件有误', lines);
}

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
      if (!parsed.success)
        return Promise.resolve(invalidSearch(lang, toValidationIssues(parsed.error.issues)));
      const filters = parsed.data;
      const view = filtersView(filters);
      const result = runSearch(edition, view);
      if (!result.ok) return Promise.resolve(invalidSearch(lang, result.issues));
      const props = searchProps(edition.report, lang, view, result.value, searchIndexHref(edition));
      const pageNumber = Math.floor(filters.offset / filters.limit) + 1;
      const pageSuffix =
        pageNumber === 1 ? '' : lang === 'en' ? ` (page ${pageNumber})` : `（第 ${pageNumber} 页）`;
      const title =
        filters.q === ''
          ? lang === 'en'
            ? 'Search'
            : '搜索'
          : lang === 'en'
            ? `Search: ${filters.q}${pageSuffix}`
            : `搜索：${filters.q}${pageSuffix}`;
      return Promise.resolve({
        kind: 'page',
        content: { title, element: <SearchPage props={props} />, showSiteSearch: false },
      });
    }),
  );
}
