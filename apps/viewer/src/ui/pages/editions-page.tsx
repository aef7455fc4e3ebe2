import type { EditionSummary } from '../../schemas.js';
import { usePage } from '../context.js';

/** Every published edition, and a form to compare any two. */
export function EditionsPage({ editions }: { editions: readonly EditionSummary[] }) {
  const { pick, t, link } = usePage();
  const [newest, previous] = editions;
  return (
    <>
      <h1>{pick('版本', 'Editions')}</h1>
      <p className="lede">
        {pick(
          '每次发布都会生成一个不可更改的版本，并附有内容指纹（SHA-256）。可选择任意两个版本查看改动。',
          'Each publication is an immutable edition with a content hash (SHA-256). Pick any two to see what changed.',
        )}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="editions-caption">
        <table className="editions">
          <caption id="editions-caption">{pick('已发布版本', 'Published editions')}</caption>
          <thead>
            <tr>
              <th scope="col">{pick('版本', 'Edition')}</th>
              <th scope="col">{pick('发布日期', 'Published')}</th>
              <th scope="col">{pick('改动摘要', 'Changes')}</th>
              <th scope="col">{pick('内容指纹', 'Content hash')}</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e, i) => {
              const before = editions[i + 1];
              return (
                <tr key={e.id} id={`edition-${e.number}`}>
                  <th scope="row">
                    <a href={link(i === 0 ? '/' : `/editions/${e.number}`)}>
                      {t.edition(e.number)}
                    </a>
                  </th>
                  <td>
                    <time dateTime={e.publishedAt}>{e.publishedAt.slice(0, 10)}</time>
                  </td>
                  <td lang="zh-CN">
                    {e.changeSummary}
                    {before !== undefined && (
                      <>
                        {' '}
                        <a href={link(`/editions/diff/${before.number}/${e.number}`)}>
                          {pick('查看改动', 'see changes')}
                        </a>
                      </>
                    )}
                  </td>
                  <td>
                    <code className="checksum" title={e.hash}>
                      {e.hash.slice(0, 16)}
                    </code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editions.length > 1 && newest !== undefined && previous !== undefined && (
        <form className="filters" action={link('/editions/diff')} method="get">
          <fieldset>
            <legend>{pick('比较两个版本', 'Compare two editions')}</legend>
            <label>
              {pick('从', 'From')}
              <select name="from" defaultValue={previous.number}>
                {editions.map((e) => (
                  <option key={e.id} value={e.number}>
                    {t.edition(e.number)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {pick('到', 'To')}
              <select name="to" defaultValue={newest.number}>
                {editions.map((e) => (
                  <option key={e.id} value={e.number}>
                    {t.edition(e.number)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{pick('比较', 'Compare')}</button>
          </fieldset>
        </form>
      )}
    </>
  );
}
