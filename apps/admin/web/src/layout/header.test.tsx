import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { networkError } from '../api/api-error.js';
import { renderInApp, sampleSession } from '../testing/render-app.js';
import { Header } from './header.js';
import { NAV_ITEMS } from './nav-items.js';

// The main navigation's links, those in closed menus too (the account link beside the user name
// is not one of them).
const nav = () => within(screen.getByRole('navigation', { name: '主导航' }));
const navLabels = () =>
  nav()
    .getAllByRole('link', { hidden: true })
    .map((a) => a.textContent);
/** What shows without opening a menu: link and menu-button (▸) labels, in order. */
const shown = () =>
  [...screen.getByRole('navigation', { name: '主导航' }).querySelectorAll('a, button')]
    .filter((e) => e.closest('[hidden]') === null)
    .map((e) => `${e.tagName === 'BUTTON' ? '▸' : ''}${e.textContent?.replace('▾', '') ?? ''}`);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Header', () => {
  it('shows the user name and role, and only what an editor may do', async () => {
    await renderInApp(<Header route="edit" />, { session: sampleSession('editor') });
    expect(screen.getByText('张编辑')).toBeTruthy();
    expect(screen.getByText('编辑', { selector: '.role-badge' })).toBeTruthy();
    expect(navLabels()).toEqual([
      '编辑',
      '预览',
      '修订历史',
      '督办看板',
      '单位管理',
      '批量更新',
      '待审核',
      '公众反馈',
      '导入原文',
    ]);
    expect(screen.getByRole('link', { name: '编辑' }).getAttribute('aria-current')).toBe('page');
    // A group with one screen the role may open is that screen's link.
    expect(shown()).toEqual(['编辑', '预览', '修订历史', '▸跟踪督办', '导入原文']);
  });

  it('offers publishing to publishers and user management to admins', async () => {
    await renderInApp(<Header route="edit" />, { session: sampleSession('admin') });
    expect(navLabels()).toEqual([
      '编辑',
      '预览',
      '修订历史',
      '督办看板',
      '单位管理',
      '批量更新',
      '待审核',
      '公众反馈',
      '导入原文',
      '发布',
      '用户管理',
      '审计日志',
      '站点设置',
    ]);
    expect(screen.getByRole('status').textContent).toContain('已保存');
    expect(shown()).toEqual(['编辑', '预览', '修订历史', '▸跟踪督办', '▸导入与发布', '▸管理']);
  });

  it('opens a group’s menu from its button, and Escape closes it and gives focus back', async () => {
    await renderInApp(<Header route="review" />, { session: sampleSession('admin') });
    const button = nav().getByRole('button', { name: '跟踪督办' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.className).toContain('current'); // 待审核 is in it
    expect(nav().queryByRole('link', { name: '待审核' })).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(menu?.hidden).toBe(false);
    const current = nav().getByRole('link', { name: '待审核' });
    expect(current.getAttribute('aria-current')).toBe('page');
    current.focus();
    fireEvent.keyDown(current, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(menu?.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
    // One menu open at a time; a click elsewhere closes it.
    fireEvent.click(button);
    fireEvent.click(nav().getByRole('button', { name: '管理' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(nav().getByRole('link', { name: '审计日志' })).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(nav().queryByRole('link', { name: '审计日志' })).toBeNull();
  });

  it('puts the groups in one 更多 menu on a phone, each group a headed list', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(max-width: 640px)',
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    await renderInApp(<Header route="edit" />, { session: sampleSession('admin') });
    expect(shown()).toEqual(['编辑', '预览', '修订历史', '▸更多']);
    fireEvent.click(nav().getByRole('button', { name: '更多' }));
    const follow = nav().getByRole('list', { name: '跟踪督办' });
    expect(
      within(follow)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['督办看板', '单位管理', '批量更新', '待审核', '公众反馈']);
    expect(navLabels()).toHaveLength(NAV_ITEMS.length);
  });

  it('issue 13: signing out sends unsent changes first', async () => {
    const { store, sendCommands, signOut } = await renderInApp(<Header route="edit" />);
    store.apply([{ type: 'measure.update', id: 'm26', patch: { text: '退出前的修改。' } }], '修改');
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await waitFor(() => expect(signOut).toHaveBeenCalledOnce());
    expect(sendCommands).toHaveBeenCalledOnce();
    expect(sendCommands.mock.invocationCallOrder[0]).toBeLessThan(
      signOut.mock.invocationCallOrder[0] ?? 0,
    );
    expect(store.state.unsent).toBe(0);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('issue 13: signing out with changes that cannot be sent asks first', async () => {
    const { store, sendCommands, signOut } = await renderInApp(<Header route="edit" />);
    sendCommands.mockRejectedValue(networkError());
    store.apply([{ type: 'measure.update', id: 'm26', patch: { text: '离线的修改。' } }], '修改');
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    const dialog = await screen.findByRole('dialog', { name: '还有修改没有保存' });
    expect(dialog.textContent).toContain('有 1 项修改未能发送到服务器');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.state.unsent).toBe(1);
    expect(signOut).not.toHaveBeenCalled();
  });
});
