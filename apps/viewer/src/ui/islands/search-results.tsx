import { hitHref } from '../../view/hit-href.js';
import { SearchPager } from './search-pager.js';
import type { SearchFiltersView, SearchProps, SearchResultsView } from './search-types.js';
import { searchQueryString } from './search-types.js';
import { chapterLabel } from '@leshan/report-core/labels';

interface ResultsProps {
  results: SearchResultsView;
  /** The filters the results are for: links keep them. */
  filters: SearchFiltersView;
  props: SearchProps;
}

/** What to try when nothing was found: each suggestion a link that finds something. */
function Suggestions({ results, filters, props }: ResultsProps) {
  const en = props.lang === 'en';
  if (results.suggestions.length === 0)
    return (
      <p className="suggestions">
        {en
          ? 'Try other words, a shorter query, or fewer filters.'
          : '请换个词、缩短搜索词或减少筛选条件再试。'}
      </p>
    );
  const { offset: _offset, ...rest } = filters;
  return (
    <div className="suggestions">
      <p>{en ? 'Try instead:' : '可以试试：'}</p>
      <ul>
        {results.suggestions.map((s) => (
          <li key={s.query}>
            <a href={`${props.action}${searchQueryString({ ...rest, q: s.query })}`} lang="zh-CN">
              {s.query}
            </a>{' '}
            <span className="suggestion-count">
              {en
                ? `(${s.reason === 'shorter' ? 'shorter query' : 'nearby word'}, ${s.total} result${s.total === 1 ? '' : 's'})`
                : `（${s.reason === 'shorter' ? '更短的搜索词' : '相近的词'}，${s.total} 条结果）`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The ranked hits with their matches marked; snippet text is rendered as text, never as markup. */
export function SearchResults({ results, filters, props }: ResultsProps) {
  const en = props.lang === 'en';
  const { q, total, offset, hits } = results;
  if (q === '')
    return (
      <p className="result-count" role="status">
        {en ? 'Type words to search the report.' : '输入词语即可搜索全文。'}
      </p>
    );
  const first = offset + 1;
  const last = offset + hits.length;
  return (
    <>
      <p className="result-count" role="status">
        {en ? `${total} results for “${q}”` : `“${q}”共找到 ${total} 条结果`}
        {hits.length > 0 &&
          total > hits.length &&
          (en ? ` (showing ${first}–${last})` : `（显示第 ${first}–${last} 条）`)}
        {hits.length === 0 && total > 0 && (en ? ' (none on this page)' : '（本页没有结果）')}
      </p>
      {total === 0 && <Suggestions results={results} filters={filters} props={props} />}
      <ol className="search-results" start={first}>
        {hits.map((hit) => {
          const where = [
            hit.chapterNumber === undefined
              ? undefined
              : chapterLabel(hit.chapterNumber)[en ? 'en' : 'zh'],
            props.kindLabels[hit.kind],
          ].filter((w) => w !== undefined);
          return (
            <li key={hit.nodeId}>
              <a href={`${props.prefix}${hitHref(hit)}`} className="snippet" lang="zh-CN">
                {hit.parts.map((part, i) =>
                  part.match ? <mark key={i}>{part.text}</mark> : part.text,
                )}
              </a>
              <span className="hit-where">
                {where.join(' · ')} · {hit.nodeId}
              </span>
            </li>
          );
        })}
      </ol>
      <SearchPager results={results} filters={filters} action={props.action} en={en} />
    </>
  );
}
