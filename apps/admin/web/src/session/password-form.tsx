import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { loadCommonPasswords, passwordProblemIn } from '@leshan/report-store/password-rule';
import { ChangePasswordBodySchema } from '../../../src/api/session.schemas.js';
import type { Endpoints, SessionView } from '../api/endpoints.js';
import { ApiError } from '../api/api-error.js';
import { FormFailure, PasswordField } from '../ui/field.js';
import { messageOf } from '../ui/error-message.js';

const NO_LIST: ReadonlySet<string> = new Set();

const HINT = '至少 12 个字符，不能只有空格，不能是常见密码；一句只有您记得的话最好';

interface PasswordFormProps {
  api: Endpoints;
  /** The label of the current password: "当前密码" or "管理员给您的一次性密码". */
  currentLabel: string;
  done: (session: SessionView) => void;
}

/** The common-password list once loaded (a chunk of its own), else null: the shape alone is checked. */
function useCommonPasswords(): ReadonlySet<string> | null {
  const [common, setCommon] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    let live = true;
    loadCommonPasswords().then(
      (list) => {
        if (live) setCommon(list);
      },
      // Without the list the server still refuses a common password, with the same reason.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return common;
}

/**
 * Current password, new one twice. As the user types, the new password is checked by the store's
 * own rule (@leshan/report-store/password-rule) and its Chinese reason shown; the server's schema
 * checks the form before it is sent.
 */
export function PasswordForm({ api, currentLabel, done }: PasswordFormProps) {
  const common = useCommonPasswords();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The rule's reason as the user types (nothing before the first character).
  const typing = next === '' ? null : (passwordProblemIn(next, common ?? NO_LIST)?.zh ?? null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ChangePasswordBodySchema.safeParse({
      currentPassword: current,
      newPassword: next,
    });
    const found: Record<string, string> = parsed.success
      ? {}
      : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    if (typing !== null) found.newPassword = typing;
    if (next !== again) found.again = '两次输入的新密码不一致';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      done(await api.changePassword(parsed.data.currentPassword, parsed.data.newPassword));
    } catch (error) {
      const field =
        error instanceof ApiError ? error.body.issues[0]?.path.replace(/^body\./, '') : undefined;
      if (field === 'currentPassword' || field === 'newPassword')
        setErrors({ [field]: messageOf(error) });
      else setFailure(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <form className="panel password-form" onSubmit={(e) => void submit(e)} noValidate>
      <PasswordField
        label={currentLabel}
        error={errors.currentPassword ?? null}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        label="新密码"
        error={errors.newPassword ?? typing}
        hint={HINT}
        autoComplete="new-password"
        value={next}
        onChange={(value) => {
          setNext(value);
          setErrors(({ newPassword: _, ...rest }) => rest);
        }}
      />
      <PasswordField
        label="再次输入新密码"
        error={errors.again ?? null}
        autoComplete="new-password"
        value={again}
        onChange={setAgain}
      />
      <FormFailure failure={failure} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? '正在保存…' : '保存新密码'}
      </button>
    </form>
  );
}
