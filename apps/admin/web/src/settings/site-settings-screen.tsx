import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { SiteSettingsSchema } from '@leshan/report-store/site-settings';
import type { SiteSettings } from '@leshan/report-store/site-settings';
import type { SiteSettingsView } from '../../../src/api/settings.schemas.js';
import { ApiError } from '../api/api-error.js';
import { useApp } from '../layout/app-context.js';
import { ErrorMessage, messageOf } from '../ui/error-message.js';
import { Field, FormFailure } from '../ui/field.js';
import { formatTime } from '../ui/labels.js';
import { useLoad } from '../ui/use-load.js';

interface Form {
  publisher: string;
  email: string;
  phone: string;
  address: string;
  officialReportUrl: string;
  licenseId: string;
  licenseName: string;
  licenseUrl: string;
}

const toForm = (s: SiteSettings): Form => ({
  publisher: s.publisher,
  email: s.contact.email,
  phone: s.contact.phone,
  address: s.contact.address,
  officialReportUrl: s.officialReportUrl ?? '',
  licenseId: s.dataLicense.id,
  licenseName: s.dataLicense.name,
  licenseUrl: s.dataLicense.url,
});

const fromForm = (f: Form): unknown => ({
  publisher: f.publisher,
  contact: { email: f.email, phone: f.phone, address: f.address },
  officialReportUrl: f.officialReportUrl.trim() === '' ? null : f.officialReportUrl,
  dataLicense: { id: f.licenseId, name: f.licenseName, url: f.licenseUrl },
});

/** The form field of a settings path (as the schema and the API name it). */
const FIELD_OF: Record<string, keyof Form> = {
  publisher: 'publisher',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.address': 'address',
  officialReportUrl: 'officialReportUrl',
  'dataLicense.id': 'licenseId',
  'dataLicense.name': 'licenseName',
  'dataLicense.url': 'licenseUrl',
};

/** The Chinese part of a schema message ("中文 (English)"). */
const chinese = (message: string): string => message.replace(/\s*\([^()]*\)$/u, '');

/**
 * 站点设置 (admins only, issue 19): who runs the public site, its contact, the official full
 * report's address and the data licence, shown in the site's footer and on its about page. Checked
 * with the store's own schema as the admin types; the server checks again and refuses a save
 * over someone else's (409).
 */
export function SiteSettingsScreen() {
  const { api } = useApp();
  const [loaded, setLoaded] = useState<SiteSettingsView | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  const load = useCallback(() => api.siteSettings(), [api]);
  const show = useCallback((view: SiteSettingsView) => {
    setLoaded(view);
    setForm(toForm(view.settings));
  }, []);
  useLoad(load, show, setLoadError);

  if (loadError !== null) return <ErrorMessage error={loadError} />;
  if (form === null || loaded === null) return <p role="status">正在读取站点设置…</p>;

  const set = (key: keyof Form) => (value: string) => {
    setForm((old) => (old === null ? old : { ...old, [key]: value }));
    setSaved(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const parsed = SiteSettingsSchema.safeParse(fromForm(form));
    if (!parsed.success) {
      const next: Partial<Record<keyof Form, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = FIELD_OF[issue.path.join('.')];
        if (field !== undefined) next[field] ??= chinese(issue.message);
      }
      setErrors(next);
      setFailure('有几项需要修改，请看各项下方的说明');
      return;
    }
    setErrors({});
    try {
      show(await api.saveSiteSettings({ settings: parsed.data, baseVersion: loaded.version }));
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError) {
        const next: Partial<Record<keyof Form, string>> = {};
        for (const issue of error.body.issues) {
          const field = FIELD_OF[issue.path.replace(/^body\.settings\./u, '')];
          if (field !== undefined) next[field] ??= issue.message;
        }
        setErrors(next);
      }
      setFailure(messageOf(error));
    }
  };

  const text = (key: keyof Form, label: string, hint?: string, type = 'text') => (
    <Field label={label} error={errors[key] ?? null} {...(hint === undefined ? {} : { hint })}>
      {(c) => (
        <input
          {...c}
          type={type}
          value={form[key]}
          onChange={(e) => set(key)(e.target.value)}
          autoComplete="off"
        />
      )}
    </Field>
  );

  return (
    <div className="site-settings-screen">
      <h1>站点设置</h1>
      <p className="hint">
        这些内容显示在公众网站每一页的页脚和“关于本站”页上。保存后一秒内生效，无需重启。
        {loaded.updatedAt === null
          ? ' 尚未保存过：网站目前显示“尚未公布”。'
          : ` 最后由 ${loaded.updatedByName ?? '未知'} 于 ${formatTime(loaded.updatedAt)} 保存（第 ${loaded.version} 版）。`}
      </p>
      <form className="panel" onSubmit={(e) => void save(e)} noValidate aria-labelledby="who">
        <h2 id="who">主办单位与联系方式</h2>
        {text('publisher', '主办单位', '例如：乐山市人民政府办公室；留空则显示“尚未公布”')}
        <div className="row">
          {text('email', '电子邮箱', undefined, 'email')}
          {text('phone', '联系电话', '数字、空格和 + - ( )', 'tel')}
        </div>
        {text('address', '通信地址')}
        <h2>报告全文</h2>
        {text(
          'officialReportUrl',
          '官方报告全文网址',
          '以 https:// 或 http:// 开头的完整网址；留空则显示“尚未公布”',
          'url',
        )}
        <h2>数据许可</h2>
        <p className="hint">
          默认是本项目为数据声明的许可（CC-BY-4.0，与导出的数据包一致）。改动只影响网站上的说明。
        </p>
        <div className="row">
          {text('licenseId', '许可证标识（SPDX）', '例如 CC-BY-4.0')}
          {text('licenseName', '许可证名称')}
        </div>
        {text('licenseUrl', '许可证全文网址', undefined, 'url')}
        <FormFailure failure={failure} />
        {saved ? (
          <p className="notice" role="status">
            已保存（第 {loaded.version} 版）。
          </p>
        ) : null}
        <button type="submit" className="primary">
          保存站点设置
        </button>
      </form>
    </div>
  );
}
