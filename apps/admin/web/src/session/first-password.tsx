import type { Endpoints, SessionView } from '../api/endpoints.js';
import { PasswordForm } from './password-form.js';

interface FirstPasswordProps {
  api: Endpoints;
  session: SessionView;
  done: (session: SessionView) => void;
  signOut: () => Promise<void>;
}

/** After a reset or a generated first password: a new password before anything else (issue 15). */
export function FirstPassword({ api, session, done, signOut }: FirstPasswordProps) {
  return (
    <main className="sign-in" id="main">
      <h1>乐山市政府工作报告 · 编辑工作台</h1>
      <section aria-labelledby="first-password">
        <h2 id="first-password">请先设置新密码</h2>
        <p className="notice">
          {session.user.displayName}（{session.user.email}
          ）：您现在用的是一次性密码，设置自己的密码后才能继续。
        </p>
        <PasswordForm api={api} currentLabel="一次性密码" done={done} />
        <button type="button" className="link-button" onClick={() => void signOut()}>
          退出登录
        </button>
      </section>
    </main>
  );
}
