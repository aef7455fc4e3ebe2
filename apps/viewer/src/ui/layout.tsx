import type { ReactNode } from 'react';
import { DATA_NOTICE } from '@leshan/report-core/model';
import { ReportViews } from '@leshan/report-views';
import { editionLink, siteLinks, usePage } from './context.js';
import { localPath } from './i18n.js';
import { SiteFacts } from './site-footer.js';
import { TextSizeControl } from './text-size-control.js';

const NAV = [
  ['/', 'home'],
  ['/measures', 'measureList'],
  ['/targets', 'targets'],
  ['/places', 'places'],
  ['/search', 'search'],
  ['/downloads', 'downloads'],
  ['/editions', 'editions'],
  ['/source', 'source'],
] as const;

function isCurrent(current: string, href: string): boolean {
  return href === '/' ? current === '/' : current === href || current.startsWith(`${href}/`);
}

/**
 * Skip link, header with navigation and search, the main landmark, footer — inside <ReportViews>,
 * which gives the page bodies the site's links and the whole page its colours and type.
 */
export function Layout({
  children,
  showSearch = true,
}: {
  children: ReactNode;
  showSearch?: boolean;
}) {
  const { t, link, path, base, query, lang, edition, pick } = usePage();
  const otherLang = lang === 'zh' ? 'en' : 'zh';
  // The same page and query in the other language; path and base start with one `/` (context.ts).
  const otherHref = `${editionLink(otherLang, base, path)}${query}`;
  return (
    <ReportViews lang={lang} links={siteLinks(lang, base)}>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <a className="site-title" href={link('/')}>
            {t.siteName}
          </a>
          <a
            className="lang-switch"
            href={otherHref}
            lang={otherLang === 'en' ? 'en' : 'zh-CN'}
            hrefLang={otherLang === 'en' ? 'en' : 'zh-CN'}
          >
            {t.switchLang}
          </a>
          <TextSizeControl />
        </div>
        <nav className="wrap site-nav" aria-label={t.nav}>
          <ul>
            {NAV.map(([href, key]) => (
              <li key={href}>
                <a href={link(href)} aria-current={isCurrent(path, href) ? 'page' : undefined}>
                  {t[key]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {showSearch && (
          <form className="wrap site-search" role="search" action={link('/search')} method="get">
            <label htmlFor="site-q">{t.searchLabel}</label>
            <input id="site-q" name="q" type="search" maxLength={100} />
            <button type="submit">{t.searchButton}</button>
          </form>
        )}
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {base !== '' && edition !== undefined && (
          <p className="edition-banner" role="note">
            {pick(
              `你在阅读第 ${edition.number} 版（${edition.publishedAt.slice(0, 10)} 发布）。`,
              `You are reading edition ${edition.number} (published ${edition.publishedAt.slice(0, 10)}).`,
            )}{' '}
            <a href={`${localPath(lang, path)}${query}`}>
              {pick('查看最新版本', 'Read the latest edition')}
            </a>
            {' · '}
            <a href={localPath(lang, '/editions')}>{pick('所有版本', 'All editions')}</a>
          </p>
        )}
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t.footerNote}</p>
          <SiteFacts />
          <p className="data-notice">{pick(DATA_NOTICE.zh, DATA_NOTICE.en)}</p>
          {edition !== undefined && (
            <p>
              {t.edition(edition.number)} · {t.publishedOn}{' '}
              <time dateTime={edition.publishedAt}>{edition.publishedAt.slice(0, 10)}</time> ·{' '}
              <span className="hash" title={edition.hash}>
                {pick('内容指纹', 'content hash')} {edition.hash.slice(0, 12)}
              </span>
            </p>
          )}
          <ul className="footer-links">
            <li>
              <a href={link('/print')}>{t.print}</a>
            </li>
            <li>
              <a href="/feeds/editions.atom">{t.editionsFeed}</a>
            </li>
            <li>
              <a href="/feeds/progress.atom">{t.progressFeed}</a>
            </li>
            <li>
              <a href="/api/v1/openapi.json">{t.api}</a>
            </li>
          </ul>
        </div>
      </footer>
    </ReportViews>
  );
}
