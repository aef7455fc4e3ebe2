import { useState } from 'react';
import type { FormEvent } from 'react';
import { LoginBodySchema } from '../../../src/api/session.schemas.js';
import type { SessionView } from '../api/endpoints.js';
import { Field, FormFailure, PasswordField } from '../ui/field.js';
import { messageOf } from '../ui/error-message.js';

interface SignInProps {
  signIn: (email: string, password: string) => Promise<SessionView>;
  notice?: string | null;
}

/** E-mail and password; the server's schema checks the form before anything is sent. */
export function SignIn({ signIn, notice = null }: SignInProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = LoginBodySchema.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    setFailure(null);
    try {
      await signIn(parsed.data.email, parsed.data.password);
    } catch (error) {
      // A 429 says itself how long to wait (seconds for one account, minutes for an address).
      setFailure(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <h1>乐山市政府工作报告 · 编辑工作台</h1>
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-describedby={notice === null ? undefined : 'sign-in-notice'}
      >
        <h2>登录</h2>
        {notice === null ? null : (
          <p className="notice" id="sign-in-notice">
            {notice}
          </p>
        )}
        <Field label="电子邮箱" error={errors.email ?? null}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <PasswordField
          label="密码"
          error={errors.password ?? null}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
        />
        <FormFailure failure={failure} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  );
}
