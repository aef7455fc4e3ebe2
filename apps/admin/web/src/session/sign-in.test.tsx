import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/api-error.js';
import { SignIn } from './sign-in.js';

describe('SignIn', () => {
  it('checks the form with the API schema before sending', () => {
    const signIn = vi.fn();
    render(<SignIn signIn={signIn} />);
    fireEvent.change(screen.getByLabelText('电子邮箱'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByText('请输入有效的电子邮箱地址')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
  });

  it('says how long to wait after too many failed attempts', async () => {
    const signIn = vi.fn(() =>
      Promise.reject(
        new ApiError(
          429,
          { error: '登录失败次数过多，请 10 分钟后再试', code: 'too-many-attempts', issues: [] },
          600,
        ),
      ),
    );
    render(<SignIn signIn={signIn} />);
    fireEvent.change(screen.getByLabelText('电子邮箱'), { target: { value: 'zhang@example.cn' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    // The server's message says the wait (seconds for one account, minutes for an address).
    expect(await screen.findByText('登录失败次数过多，请 10 分钟后再试')).toBeTruthy();
    expect(signIn).toHaveBeenCalledWith('zhang@example.cn', 'correct horse battery');
  });
});
