/** @jsxRuntime automatic */
import type { PlaceKind, ReadonlyReport } from '@leshan/report-core';
import { useView } from '../context.js';
import { groupByPlace } from '../view/place-groups.js';

const KIND_LABELS: Record<PlaceKind, { zh: string; en: string }> = {
  district: { zh: '区', en: 'district' },
  county: { zh: '县', en: 'county' },
  'county-city': { zh: '县级市', en: 'county-level city' },
  'development-zone': { zh: '开发区', en: 'development zone' },
  town: { zh: '镇/片区', en: 'town or area' },
  area: { zh: '区域', en: 'area' },
  base: { zh: '产业基地', en: 'industrial base' },
  facility: { zh: '设施', en: 'facility' },
};

/** A place's name, linked to its own page where the site has one. */
function PlaceName({ id, name }: { id: string; name: string }) {
  const href = useView().links.placePage(id);
  return href === undefined ? (
    <span lang="zh-CN">{name}</span>
  ) : (
    <a href={href} lang="zh-CN">
      {name}
    </a>
  );
}

/** Measures grouped by the place they name. */
export function PlacesPage({ report }: { report: ReadonlyReport }) {
  const { pick, links, lang } = useView();
  const groups = groupByPlace(report);
  const named = groups.filter((g) => g.measures.length > 0);
  return (
    <>
      <h1>{pick('按地点查看', 'Measures by place')}</h1>
      <p className="lede">
        {pick(
          `报告中点名的 ${named.length} 个地点及相关举措。`,
          `The ${named.length} places the report names, with their measures.`,
        )}
      </p>
      <nav aria-labelledby="places-toc-h" className="toc">
        <h2 id="places-toc-h">{pick('地点目录', 'Places')}</h2>
        <ul className="inline-list" lang="zh-CN">
          {named.map((g) => (
            <li key={g.place.id}>
              <a href={`#place-${g.place.id}`}>
                {g.place.name}（{g.measures.length}）
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map(({ place, measures }) => (
        <section
          key={place.id}
          id={`place-${place.id}`}
          aria-labelledby={`place-${place.id}-h`}
          className="place"
        >
          <h2 id={`place-${place.id}-h`}>
            <PlaceName id={place.id} name={place.name} />{' '}
            <span className="tag">{KIND_LABELS[place.kind][lang]}</span>
          </h2>
          {place.aliases.length > 0 && (
            <p className="aliases">
              {pick('又称', 'Also written')} <span lang="zh-CN">{place.aliases.join('、')}</span>
            </p>
          )}
          {measures.length === 0 ? (
            <p className="empty">{pick('暂无举措点名此地。', 'No measure names this place.')}</p>
          ) : (
            <ul className="measure-links">
              {measures.map((m) => (
                <li key={m.id}>
                  <a href={links.chapter(m.chapterNumber, m.id)} lang="zh-CN">
                    {m.text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
