import { useState } from 'react';
import { useApp } from '../layout/app-context.js';
import { ROLE_LABELS } from '../ui/labels.js';
import { PasswordForm } from './password-form.js';

/** One's own account: who is signed in, and a password change that ends every other session. */
export function AccountScreen() {
  const { api, session, renewSession, announce } = useApp();
  const [changed, setChanged] = useState(false);
  return (
    <div className="account-screen">
      <h1>我的账号</h1>
      <p>
        {session.user.displayName}（{session.user.email}），{ROLE_LABELS[session.user.role]}
      </p>
      <h2>修改密码</h2>
      <p className="hint">修改后，您在其他浏览器和设备上的登录都会结束，本页保持登录。</p>
      {changed ? (
        <p className="notice" role="status">
          密码已修改，其他登录已结束。
        </p>
      ) : null}
      <PasswordForm
        api={api}
        currentLabel="当前密码"
        done={(next) => {
          renewSession(next);
          setChanged(true);
          announce('密码已修改');
        }}
      />
    </div>
  );
}
