import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/api-error.js';
import type { UserListItem } from '../api/endpoints.js';
import { renderInApp, sampleSession } from '../testing/render-app.js';
import { sampleDraft, sampleReport } from '../testing/sample-report.js';
import { UsersScreen } from './users-screen.js';

const reporter: UserListItem = {
  id: 'u-jt',
  email: 'jt@example.gov.cn',
  displayName: '李报送',
  role: 'reporter',
  disabled: false,
  mustChangePassword: false,
  createdAt: '2026-01-05T08:00:00.000Z',
  departments: ['dept-jt'],
};
const editor: UserListItem = { ...reporter, id: 'u-ed', displayName: '王编辑', role: 'editor' };
delete (editor as { departments?: string[] }).departments;

async function renderUsers() {
  const report = sampleReport();
  report.departments = [
    { id: 'dept-jt', name: '交通运输局' },
    { id: 'dept-fg', name: '发展改革委' },
  ];
  const list = { users: [reporter, editor] };
  const users = vi.fn(() => Promise.resolve(list));
  const setUserDepartments = vi.fn((userId: string, departments: string[]) => {
    list.users = [{ ...reporter, departments }, editor];
    return Promise.resolve({ userId, departments });
  });
  const app = await renderInApp(<UsersScreen />, {
    session: sampleSession('admin'),
    draft: sampleDraft(3, report),
    api: { users, setUserDepartments },
  });
  await screen.findByRole('rowheader', { name: '李报送' });
  return { ...app, users, setUserDepartments };
}

describe('issue 18: a reporter’s departments in the users screen', () => {
  it('lists a reporter’s departments by name and a dash for other roles', async () => {
    await renderUsers();
    const row = screen.getByRole('row', { name: /李报送/ });
    expect(within(row).getByText('交通运输局')).toBeTruthy();
    const other = screen.getByRole('row', { name: /王编辑/ });
    expect(within(other).queryByRole('button', { name: /报送单位/ })).toBeNull();
  });

  it('ticks a second department and saves both with PUT /api/users/:id/departments', async () => {
    const { setUserDepartments, announce } = await renderUsers();
    fireEvent.click(screen.getByRole('button', { name: /^修改.*李报送/ }));
    const group = screen.getByRole('group', { name: '李报送 的报送单位' });
    const jt = within(group).getByLabelText<HTMLInputElement>('交通运输局');
    expect(jt.checked).toBe(true);
    fireEvent.click(within(group).getByLabelText('发展改革委'));
    fireEvent.click(within(group).getByRole('button', { name: '保存报送单位' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /报送单位/ })).toBeNull());
    expect(setUserDepartments).toHaveBeenCalledWith('u-jt', ['dept-jt', 'dept-fg']);
    expect(announce).toHaveBeenCalledWith('已保存 李报送 的报送单位');
    expect(await screen.findByText('交通运输局、发展改革委')).toBeTruthy();
  });

  it('keeps the checkboxes open and shows the error when the save is refused', async () => {
    const { setUserDepartments } = await renderUsers();
    setUserDepartments.mockImplementationOnce(() =>
      Promise.reject(
        new ApiError(422, {
          error: '没有这些部门：dept-x',
          code: 'unknown-department',
          issues: [],
        }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: /^修改.*李报送/ }));
    const group = screen.getByRole('group', { name: '李报送 的报送单位' });
    fireEvent.click(within(group).getByLabelText('交通运输局'));
    fireEvent.click(within(group).getByRole('button', { name: '保存报送单位' }));
    expect(await screen.findByText(/没有这些部门/)).toBeTruthy();
    expect(screen.getByRole('group', { name: '李报送 的报送单位' })).toBeTruthy();
  });
});
