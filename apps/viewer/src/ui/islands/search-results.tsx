import { hitHref } from '../../view/hit-href.js';
import type { HitView, SearchProps } from './search-types.js';
import { chapterLabel } from '@leshan/report-core/labels';

/** The ranked hits with their matches marked; snippet text is rendered as text, never as markup. */
export function SearchResults({
  hits,
  props,
  total,
  q,
}: {
  hits: readonly HitView[];
  props: SearchProps;
  total: number;
  q: string;
}) {
  const en = props.lang === 'en';
  if (q === '')
    return (
      <p className="result-count" role="status">
        {en ? 'Type words to search the report.' : '输入词语即可搜索全文。'}
      </p>
    );
  return (
    <>
      <p className="result-count" role="status">
        {en ? `${total} results for “${q}”` : `“${q}”共找到 ${total} 条结果`}
        {total > hits.length && (en ? ` (showing ${hits.length})` : `（显示前 ${hits.length} 条）`)}
      </p>
      <ol className="search-results">
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
    </>
  );
}
