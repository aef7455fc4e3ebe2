import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { networkError } from '../api/api-error.js';
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
    expect(navLabels()).toEqual([
      '编辑',
      '预览',
      '修订历史',
      '督办看板',
      '单位管理',
      '导入原文',
      '批量更新',
      '待审核',
      '公众反馈',
    ]);
    expect(screen.getByRole('link', { name: '编辑' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers publishing to publishers and user management to admins', async () => {
    await renderInApp(<Header route="edit" />, { session: sampleSession('admin') });
    expect(navLabels()).toEqual([
      '编辑',
      '预览',
      '修订历史',
      '督办看板',
      '单位管理',
      '导入原文',
      '批量更新',
      '待审核',
      '公众反馈',
      '发布',
      '用户管理',
      '审计日志',
      '站点设置',
    ]);
    expect(screen.getByRole('status').textContent).toContain('已保存');
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
