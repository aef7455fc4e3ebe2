import type { SearchFiltersView, SearchResultsView } from './search-types.js';
import { searchQueryString } from './search-types.js';

/** Page numbers shown around the current one (plus the first and the last). */
const AROUND = 2;

/** The pages to link: the first, the last and a few around the current one; null is a gap. */
export function pagesToShow(current: number, count: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let n = 1; n <= count; n += 1) {
    if (n === 1 || n === count || Math.abs(n - current) <= AROUND) pages.push(n);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}

/**
 * Previous / numbered / next links over the results. Plain links with the query, filters and
 * offset in the address, so paging works without JavaScript and every page can be shared.
 */
export function SearchPager({
  results,
  filters,
  action,
  en,
}: {
  results: SearchResultsView;
  filters: SearchFiltersView;
  action: string;
  en: boolean;
}) {
  const { total, offset, limit } = results;
  if (total <= limit && offset === 0) return null;
  const count = Math.max(1, Math.ceil(total / limit));
  const current = Math.min(count, Math.floor(offset / limit) + 1);
  const href = (page: number): string =>
    `${action}${searchQueryString({ ...filters, offset: (page - 1) * limit })}`;
  return (
    <nav className="pager search-pager" aria-label={en ? 'Result pages' : '结果翻页'}>
      {current > 1 ? (
        <a rel="prev" href={href(current - 1)}>
          {`← ${en ? 'Previous' : '上一页'}`}
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
      <ol className="page-numbers">
        {pagesToShow(current, count).map((page, i) =>
          page === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={page}>
              {page === current ? (
                <span aria-current="page">{page}</span>
              ) : (
                <a href={href(page)} aria-label={en ? `Page ${page}` : `第 ${page} 页`}>
                  {page}
                </a>
              )}
            </li>
          ),
        )}
      </ol>
      {current < count ? (
        <a rel="next" href={href(current + 1)}>
          {`${en ? 'Next' : '下一页'} →`}
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
