import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type * as SearchCore from '@leshan/report-core/search';
import type { SearchIndex } from '@leshan/report-core/search';
import { FilterSelect } from '@leshan/report-views';
import { SearchResults } from './search-results.js';
import type { SearchFiltersView, SearchProps, SearchResultsView } from './search-types.js';
import { searchOptionsOf, searchQueryString } from './search-types.js';
import { searchFiltersFromSearch } from './url-state.js';

type Engine = { index: SearchIndex; core: typeof SearchCore };
let engine: Promise<Engine | undefined> | undefined;

/** Loads the search code and this edition's index once, on first use. */
function loadEngine(href: string): Promise<Engine | undefined> {
  engine ??= Promise.all([
    import('@leshan/report-core/search'),
    fetch(href).then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status))))),
  ])
    .then(([core, json]) => {
      const loaded = core.loadSearchIndex(json);
      return loaded.ok ? { index: loaded.value, core } : undefined;
    })
    .catch(() => undefined);
  return engine;
}

/**
 * The search form and its results. Without JavaScript the form goes to the server, which
 * renders the results; hydrated, results follow each keystroke, searched in the browser.
 */
export function SearchExplorer(props: SearchProps) {
  const [filters, setFilters] = useState<SearchFiltersView>(props.filters);
  const [results, setResults] = useState<SearchResultsView>(props.results);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const en = props.lang === 'en';

  // On a static host the page was built without the query: take the filters from the address.
  useEffect(() => {
    const fromUrl = searchFiltersFromSearch(window.location.search, props);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one sync from the address bar after hydration; reading it during render would break hydration
    if (searchQueryString(fromUrl) !== searchQueryString(props.filters)) setFilters(fromUrl);
  }, [props]);

  useEffect(() => {
    // The server already rendered the results for the initial filters.
    if (filters === props.filters) return undefined;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      window.history.replaceState(null, '', `${props.action}${searchQueryString(filters)}`);
      if (filters.q.trim() === '') {
        setResults({ ...props.results, q: '', total: 0, offset: 0, hits: [], suggestions: [] });
        return;
      }
      void loadEngine(props.indexHref).then((loaded) => {
        if (ticket !== latest.current) return;
        if (loaded === undefined) {
          setFailed(true);
          return;
        }
        const found = loaded.core.searchPage(loaded.index, filters.q, searchOptionsOf(filters));
        if (!found.ok) {
          setFailed(true);
          return;
        }
        const { total, offset, limit, suggestions } = found.value;
        const hits = found.value.hits.map((h) => ({
          nodeId: h.nodeId,
          kind: h.kind,
          ...(h.chapterNumber === undefined ? {} : { chapterNumber: h.chapterNumber }),
          ...(h.sectionId === undefined ? {} : { sectionId: h.sectionId }),
          parts: loaded.core.snippetParts(h),
        }));
        setResults({ q: filters.q.trim(), total, offset, limit, hits, suggestions });
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [filters, props.filters, props.results, props.action, props.indexHref]);

  // A new query or filter starts again at the first page.
  const { offset: _offset, ...firstPage } = filters;
  const onInput = (event: ChangeEvent<HTMLInputElement>): void =>
    setFilters({ ...firstPage, q: event.target.value });
  const onSelect = (event: ChangeEvent<HTMLSelectElement>): void => {
    const { name, value } = event.target;
    const next: SearchFiltersView = { ...firstPage };
    if (name === 'chapter') {
      if (value === '') delete next.chapter;
      else next.chapter = Number(value);
    }
    if (name === 'kind') {
      if (value === '') delete next.kind;
      else next.kind = value as NonNullable<SearchFiltersView['kind']>;
    }
    setFilters(next);
  };
  // With JavaScript the results are already there; submitting would only reload them.
  const onSubmit = (event: FormEvent): void => {
    if (!failed) event.preventDefault();
  };

  return (
    <>
      <form
        className="filters"
        role="search"
        action={props.action}
        method="get"
        onSubmit={onSubmit}
      >
        <fieldset>
          <legend>{en ? 'Search the report' : '搜索报告'}</legend>
          <label>
            {en ? 'Words' : '搜索词'}
            <input
              name="q"
              type="search"
              value={filters.q}
              onChange={onInput}
              maxLength={100}
              autoComplete="off"
            />
          </label>
          <FilterSelect
            label={en ? 'Chapter' : '章'}
            name="chapter"
            value={filters.chapter}
            allLabel={en ? 'All' : '全部'}
            options={props.chapters.map((c) => [c.number, c.label] as const)}
            onChange={onSelect}
          />
          <FilterSelect
            label={en ? 'Kind' : '类型'}
            name="kind"
            value={filters.kind}
            allLabel={en ? 'All' : '全部'}
            options={Object.entries(props.kindLabels)}
            onChange={onSelect}
          />
          <button type="submit">{en ? 'Search' : '搜索'}</button>
        </fieldset>
      </form>
      {failed && (
        <p role="alert">
          {en ? 'Live search is unavailable; press Search.' : '即时搜索暂不可用，请按“搜索”按钮。'}
        </p>
      )}
      <SearchResults results={results} filters={filters} props={props} />
    </>
  );
}
