import { DATA_NOTICE } from '@leshan/report-core/model';
import type { EditionSummary } from '../../schemas.js';
import { usePage } from '../context.js';
import { ContactLine } from '../site-footer.js';

/**
 * /about (issue 19): who runs the site and how to reach them, what the data licence allows,
 * where the official full report is, and how the data is made (editions, editorial notes).
 */
export function AboutPage({ editions }: { editions: readonly EditionSummary[] }) {
  const { site, pick, link, lang } = usePage();
  const unset = pick('尚未公布', 'not yet published');
  const newest = editions[0];
  return (
    <article className="about">
      <h1>{pick('关于本站', 'About this site')}</h1>

      <h2 id="who">{pick('谁在运行本站', 'Who runs this site')}</h2>
      <dl className="about-facts">
        <dt>{pick('主办单位', 'Published by')}</dt>
        <dd>{site.publisher === '' ? unset : site.publisher}</dd>
        <dt>{pick('联系方式', 'Contact')}</dt>
        <dd>
          <ContactLine site={site} unset={unset} />
        </dd>
      </dl>

      <h2 id="licence">{pick('数据可以怎样使用', 'What you may do with the data')}</h2>
      <p>
        {pick('编辑补充的数据按', 'The editorial additions are under')}{' '}
        <a href={site.dataLicense.url} rel="license">
          {site.dataLicense.name}
        </a>{' '}
        (<code>{site.dataLicense.id}</code>){pick('提供。', '.')}{' '}
        {site.dataLicense.id === 'CC-BY-4.0'
          ? pick(
              '你可以自由复制、转载、改编和用于任何用途（包括商业用途），只需注明来源、给出许可协议链接并说明是否作了修改。',
              'You may copy, republish, adapt and use them for any purpose, commercial ones included, as long as you credit the source, link the licence and say whether you changed anything.',
            )
          : pick(
              '使用条件以上述许可协议的全文为准。',
              'What it allows is set out in the licence’s full text, linked above.',
            )}
      </p>
      <p className="data-notice">{lang === 'en' ? DATA_NOTICE.en : DATA_NOTICE.zh}</p>

      <h2 id="report">{pick('报告全文在哪里', 'Where the full report is')}</h2>
      <p>
        {site.officialReportUrl === null ? (
          pick(
            '官方发布的报告全文地址尚未公布。本站只收录报告“今后五年工作”部分的摘要。',
            'The address of the official full report has not been published yet. This site holds only the summary of the report’s “next five years” part.',
          )
        ) : (
          <>
            {pick('官方发布的报告全文：', 'The official full report: ')}
            <a href={site.officialReportUrl}>{site.officialReportUrl}</a>
            {pick(
              '。本站只收录报告“今后五年工作”部分的摘要。',
              '. This site holds only the summary of the report’s “next five years” part.',
            )}
          </>
        )}
      </p>

      <h2 id="method">{pick('数据是怎样整理的', 'How the data is made')}</h2>
      <p>
        {pick(
          '报告原文从信息图摘要逐字转录，每一处修正（重复、错位、缺失的标题、错字、标点）都写成一条编辑说明，指回原文的行号，不增添任何原文没有的内容。',
          'The text was copied word for word from the report’s infographic summary; every repair (repeats, misplaced blocks, a missing heading, typos, punctuation) is an editorial note pointing back at the source lines, and nothing absent from the source was added.',
        )}{' '}
        <a href={link('/source')}>
          {pick('查看原文与编辑说明', 'Read the source and the editorial notes')}
        </a>
      </p>
      <p>
        {pick(
          '编辑在管理后台更新进展、核对数据后发布；每次发布都是一个不可更改的版本，附有内容指纹，可以与任何旧版本比较。',
          'Editors update progress and check the data in the admin app, then publish; each publication is an immutable edition with a content hash, comparable with any earlier one.',
        )}{' '}
        {newest !== undefined &&
          pick(
            `目前共 ${editions.length} 个版本，最新为第 ${newest.number} 版（${newest.publishedAt.slice(0, 10)}）。`,
            `There are ${editions.length} editions; the newest is edition ${newest.number} (${newest.publishedAt.slice(0, 10)}).`,
          )}{' '}
        <a href={link('/editions')}>{pick('所有版本', 'All editions')}</a>
        {' · '}
        <a href={link('/downloads')}>{pick('下载数据', 'Download the data')}</a>
      </p>
    </article>
  );
}
