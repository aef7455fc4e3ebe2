import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { passwordProblem } from '@leshan/report-store';
import type { Endpoints } from '../api/endpoints.js';
import { PasswordForm } from './password-form.js';

function renderForm() {
  const changePassword = vi.fn();
  // The form calls only changePassword.
  const api = { changePassword } as Partial<Endpoints> as Endpoints;
  render(<PasswordForm api={api} currentLabel="当前密码" done={() => undefined} />);
  const type = (label: string, value: string) =>
    fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
  return { changePassword, type };
}

describe('PasswordForm (issue 15: the store’s password rule in the browser)', () => {
  it('shows the Chinese reason of the store’s rule as the new password is typed', async () => {
    const { type } = renderForm();
    type('新密码', 'abc');
    expect(
      screen.getByText('密码至少 12 个字符（现在 3 个）；可以用一句容易记住的话'),
    ).toBeTruthy();
    type('新密码', '            ');
    expect(screen.getByText('密码不能只由空格组成')).toBeTruthy();
    // The common-password list arrives in a chunk of its own; then a common one is named as such.
    type('新密码', 'password1234');
    const reason = passwordProblem('password1234')?.zh ?? 'the store accepts password1234';
    expect(await screen.findByText(reason)).toBeTruthy();
    type('新密码', '李编辑的新密码是很长的一句话');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends nothing while the new password breaks the rule', async () => {
    const { changePassword, type } = renderForm();
    type('当前密码', 'the old password of mine');
    type('新密码', 'Password1234 ');
    type('再次输入新密码', 'Password1234 ');
    await screen.findByText('这个密码在常见密码名单中，容易被猜到，请换一个');
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(changePassword).not.toHaveBeenCalled();
  });
});
