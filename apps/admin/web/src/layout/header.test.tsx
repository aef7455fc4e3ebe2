import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderInApp, sampleSession } from '../testing/render-app.js';
import { Header } from './header.js';

// The main navigation's links (the account link beside the user name is not one of them).
const navLabels = () =>
  within(screen.getByRole('navigation', { name: '主导航' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('Header', () => {
  it('shows the user name and role, and only what an editor may do', async () => {
    await renderInApp(<Header route="edit" />, { session: sampleSession('editor') });
    expect(screen.getByText('张编辑')).toBeTruthy();
    expect(screen.getByText('编辑', { selector: '.role-badge' })).toBeTruthy();
    expect(navLabels()).toEqual(['编辑', '预览', '修订历史', '导入原文']);
    expect(screen.getByRole('link', { name: '编辑' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers publishing to publishers and user management to admins', async () => {
    await renderInApp(<Header route="edit" />, { session: sampleSession('admin') });
    expect(navLabels()).toEqual([
      '编辑',
      '预览',
      '修订历史',
      '导入原文',
      '发布',
      '用户管理',
      '审计日志',
    ]);
    expect(screen.getByRole('status').textContent).toContain('已保存');
  });
});
