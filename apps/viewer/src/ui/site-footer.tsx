import type { SiteSettings } from '@leshan/report-store';
import { usePage } from './context.js';

/** 主办单位, contact, the data licence (linked), the official full report and /about: on every page. */
export function SiteFacts() {
  const { site, pick, link } = usePage();
  const unset = pick('尚未公布', 'not yet published');
  return (
    <dl className="site-facts">
      <div>
        <dt>{pick('主办单位', 'Published by')}</dt>
        <dd>{site.publisher === '' ? unset : site.publisher}</dd>
      </div>
      <div>
        <dt>{pick('联系方式', 'Contact')}</dt>
        <dd>
          <ContactLine site={site} unset={unset} />
        </dd>
      </div>
      <div>
        <dt>{pick('数据许可', 'Data licence')}</dt>
        <dd>
          <a href={site.dataLicense.url} rel="license">
            {site.dataLicense.name}
          </a>{' '}
          (<code>{site.dataLicense.id}</code>)
        </dd>
      </div>
      <div>
        <dt>{pick('报告全文', 'Full report')}</dt>
        <dd>
          {site.officialReportUrl === null ? (
            unset
          ) : (
            <a href={site.officialReportUrl}>
              {pick('官方发布的报告全文', 'The official full report')}
            </a>
          )}
          {' · '}
          <a href={link('/about')}>{pick('关于本站', 'About this site')}</a>
        </dd>
      </div>
    </dl>
  );
}

/** E-mail (a mailto link), phone (a tel link) and address, those that are set, or `unset`. */
export function ContactLine({ site, unset }: { site: SiteSettings; unset: string }) {
  const { email, phone, address } = site.contact;
  const parts = [
    email === '' ? null : (
      <a key="email" href={`mailto:${email}`}>
        {email}
      </a>
    ),
    phone === '' ? null : (
      <a key="phone" href={`tel:${phone.replace(/[^0-9+]/gu, '')}`}>
        {phone}
      </a>
    ),
    address === '' ? null : <span key="address">{address}</span>,
  ].filter((p) => p !== null);
  if (parts.length === 0) return <>{unset}</>;
  return <>{parts.flatMap((p, i) => (i === 0 ? [p] : [<span key={`sep-${i}`}> · </span>, p]))}</>;
}
