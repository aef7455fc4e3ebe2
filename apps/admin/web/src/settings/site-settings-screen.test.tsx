import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DEFAULT_SITE_SETTINGS } from '@leshan/report-store/site-settings';
import type { SiteSettingsBody, SiteSettingsView } from '../../../src/api/settings.schemas.js';
import { ApiError } from '../api/api-error.js';
import { renderInApp, sampleSession } from '../testing/render-app.js';
import { SiteSettingsScreen } from './site-settings-screen.js';

const UNSET: SiteSettingsView = {
  settings: DEFAULT_SITE_SETTINGS,
  version: 0,
  updatedAt: null,
  updatedBy: null,
  updatedByName: null,
};

async function renderSettings(
  save = vi.fn((body: SiteSettingsBody) =>
    Promise.resolve({
      ...UNSET,
      settings: body.settings,
      version: 1,
      updatedAt: '2026-12-02T03:00:00.000Z',
      updatedBy: 'u-a',
      updatedByName: '王管理',
    }),
  ),
) {
  const siteSettings = vi.fn(() => Promise.resolve(UNSET));
  await renderInApp(<SiteSettingsScreen />, {
    session: sampleSession('admin'),
    api: { siteSettings, saveSiteSettings: save },
  });
  await screen.findByRole('heading', { name: '站点设置' });
  return { save };
}

describe('issue 19: the 站点设置 screen', () => {
  it('starts from the defaults (licence CC-BY-4.0) and saves what the admin typed, with the loaded version', async () => {
    const { save } = await renderSettings();
    expect(screen.getByLabelText<HTMLInputElement>('许可证标识（SPDX）').value).toBe('CC-BY-4.0');
    expect(screen.getByText(/尚未保存过/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('主办单位'), {
      target: { value: '乐山市人民政府办公室' },
    });
    fireEvent.change(screen.getByLabelText('电子邮箱'), { target: { value: 'gzbg@example.org' } });
    fireEvent.change(screen.getByLabelText('官方报告全文网址'), {
      target: { value: 'https://www.leshan.gov.cn/gzbg.html' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存站点设置' }));
    await screen.findByText('已保存（第 1 版）。');
    expect(save).toHaveBeenCalledWith({
      baseVersion: 0,
      settings: {
        ...DEFAULT_SITE_SETTINGS,
        publisher: '乐山市人民政府办公室',
        contact: { email: 'gzbg@example.org', phone: '', address: '' },
        officialReportUrl: 'https://www.leshan.gov.cn/gzbg.html',
      },
    });
  });

  it('names a bad address and e-mail under their fields in Chinese, and sends nothing', async () => {
    const { save } = await renderSettings();
    fireEvent.change(screen.getByLabelText('官方报告全文网址'), {
      target: { value: 'javascript:alert(1)' },
    });
    fireEvent.change(screen.getByLabelText('电子邮箱'), { target: { value: 'not-mail' } });
    fireEvent.click(screen.getByRole('button', { name: '保存站点设置' }));
    await screen.findByText('网址只能以 https:// 或 http:// 开头');
    expect(screen.getByText('电子邮箱格式不正确，例如 name@example.org')).toBeTruthy();
    expect(screen.getByLabelText('官方报告全文网址').getAttribute('aria-invalid')).toBe('true');
    expect(save).not.toHaveBeenCalled();
  });

  it('says so when someone else saved in between (409)', async () => {
    const save = vi.fn(() =>
      Promise.reject(
        new ApiError(409, {
          error: '站点设置已被他人修改（第 1 版），请刷新后再改',
          code: 'conflict',
          issues: [],
        }),
      ),
    );
    await renderSettings(save);
    fireEvent.change(screen.getByLabelText('主办单位'), { target: { value: '某单位' } });
    fireEvent.click(screen.getByRole('button', { name: '保存站点设置' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('已被他人修改'));
  });
});
