import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { RoleSchema } from '../../../src/api/role.schemas.js';
import { CreateUserBodySchema } from '../../../src/api/users.schemas.js';
import type { UserListItem, UserView } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { ReporterDepartments } from './reporter-departments.js';
import { ConfirmDialog, Dialog } from '../ui/dialog.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useLoad } from '../ui/use-load.js';
import { Field, PasswordField } from '../ui/field.js';
import { formatTime, ROLE_LABELS } from '../ui/labels.js';

type Role = UserView['role'];
type Question = { kind: 'admin' | 'reset' | 'remove'; user: UserView };
const QUESTIONS = {
  admin: {
    title: (u: UserView) => `将 ${u.displayName} 设为管理员？`,
    message: '管理员可以新建、停用、删除用户和重置任何人的密码。请确认此人应当拥有这些权限。',
    confirm: '设为管理员',
  },
  reset: {
    title: (u: UserView) => `重置 ${u.displayName} 的密码？`,
    message: '将生成一个一次性密码（只显示一次），对方的所有登录立即结束，下次登录须设置新密码。',
    confirm: '重置密码',
  },
  remove: {
    title: (u: UserView) => `删除用户 ${u.displayName}？`,
    message:
      '账号将被删除且不能恢复；修订历史和审计日志中的记录保留。只想暂时禁止登录，请用“停用”。',
    confirm: '删除用户',
  },
} as const;

const EMPTY = { email: '', displayName: '', role: 'editor' as Role, password: '' };

/**
 * Accounts: create, change role (making an admin is confirmed), disable or enable, reset a
 * password (one-time, shown once), remove. Admins only (the nav hides it otherwise).
 */
export function UsersScreen() {
  const { api, session, announce } = useApp();
  const [users, setUsers] = useState<UserListItem[]>([]);
  const draft = useDraft();
  const departments = draft.report?.departments ?? [];
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  // Bumped after each change: the list loads again.
  const [reloads, setReloads] = useState(0);
  const loadUsers = useCallback(() => api.users(), [api]);
  const show = useCallback((list: { users: UserListItem[] }) => setUsers(list.users), []);
  useLoad(loadUsers, show, setError, reloads);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateUserBodySchema.safeParse({ ...form, email: form.email.trim() });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    try {
      await api.createUser(parsed.data);
      setForm(EMPTY);
      setError(null);
      announce(`已创建用户 ${parsed.data.displayName}`);
      setReloads((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };

  // What waits for a yes: making someone an admin, a reset, a removal (issue 15).
  const [asking, setAsking] = useState<Question | null>(null);
  const [oneTime, setOneTime] = useState<{ user: UserView; password: string } | null>(null);

  const act = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await action();
      setError(null);
      announce(done);
      setReloads((n) => n + 1);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  const update = (user: UserView, patch: { role?: Role; disabled?: boolean }, done: string) =>
    act(() => api.updateUser(user.id, patch), done);
  const confirmed = async (question: Question) => {
    setAsking(null);
    const { user } = question;
    if (question.kind === 'admin')
      await act(
        () => api.updateUser(user.id, { role: 'admin', confirmAdmin: true }),
        `已将 ${user.displayName} 设为管理员`,
      );
    else if (question.kind === 'remove')
      await act(() => api.deleteUser(user.id), `已删除用户 ${user.displayName}`);
    else
      await act(async () => {
        const reset = await api.resetPassword(user.id);
        setOneTime({ user, password: reset.password });
      }, `已重置 ${user.displayName} 的密码`);
  };

  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));
  return (
    <div className="users-screen">
      <h1>用户管理</h1>
      <ErrorMessage error={error} />
      <table className="cards">
        <caption>现有用户（{users.length}）</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">电子邮箱</th>
            <th scope="col">角色</th>
            <th scope="col">报送单位</th>
            <th scope="col">状态</th>
            <th scope="col">创建时间</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === session.user.id;
            return (
              <tr key={user.id}>
                <th scope="row">{user.displayName}</th>
                <td data-label="电子邮箱">{user.email}</td>
                <td data-label="角色">
                  <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                    {user.displayName} 的角色
                  </label>
                  <select
                    id={`role-${user.id}`}
                    value={user.role}
                    disabled={self}
                    onChange={(e) => {
                      const role = RoleSchema.parse(e.target.value);
                      if (role === 'admin') {
                        setAsking({ kind: 'admin', user });
                        return;
                      }
                      void update(
                        user,
                        { role },
                        `已将 ${user.displayName} 的角色改为${ROLE_LABELS[role]}`,
                      );
                    }}
                  >
                    {RoleSchema.options.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label="报送单位">
                  {user.role === 'reporter' ? (
                    <ReporterDepartments
                      user={user}
                      departments={departments}
                      onSave={(ids) =>
                        act(
                          () => api.setUserDepartments(user.id, ids),
                          `已保存 ${user.displayName} 的报送单位`,
                        )
                      }
                    />
                  ) : (
                    <span className="hint">—</span>
                  )}
                </td>
                <td data-label="状态">
                  {user.disabled ? '已停用' : user.mustChangePassword ? '待改密码' : '正常'}
                  {self ? <span className="hint">（当前登录）</span> : null}
                </td>
                <td data-label="创建时间">{formatTime(user.createdAt)}</td>
                <td>
                  <div className="user-actions">
                    {self ? null : (
                      <button
                        type="button"
                        onClick={() =>
                          void update(
                            user,
                            { disabled: !user.disabled },
                            `${user.disabled ? '已启用' : '已停用'} ${user.displayName}`,
                          )
                        }
                      >
                        {user.disabled ? '启用' : '停用'}
                        <span className="visually-hidden">{user.displayName}</span>
                      </button>
                    )}
                    {self ? null : (
                      <button type="button" onClick={() => setAsking({ kind: 'reset', user })}>
                        重置密码<span className="visually-hidden">{user.displayName}</span>
                      </button>
                    )}
                    {self ? null : (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => setAsking({ kind: 'remove', user })}
                      >
                        删除<span className="visually-hidden">{user.displayName}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {asking === null ? null : (
        <ConfirmDialog
          title={QUESTIONS[asking.kind].title(asking.user)}
          message={QUESTIONS[asking.kind].message}
          confirmLabel={QUESTIONS[asking.kind].confirm}
          danger={asking.kind !== 'reset'}
          onConfirm={() => void confirmed(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
      {oneTime === null ? null : (
        <Dialog title={`${oneTime.user.displayName} 的一次性密码`} onClose={() => setOneTime(null)}>
          <div className="dialog-body">
            <p>
              这个密码只显示这一次，请当面或通过可靠渠道交给 {oneTime.user.displayName}
              ；对方登录后须立即设置自己的密码。其原有登录均已结束。
            </p>
            <p className="one-time-password">
              <code>{oneTime.password}</code>
            </p>
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setOneTime(null)}>
              我已记下
            </button>
          </div>
        </Dialog>
      )}

      <form
        className="panel"
        onSubmit={(e) => void create(e)}
        noValidate
        aria-labelledby="new-user"
      >
        <h2 id="new-user">新建用户</h2>
        <div className="row">
          <Field label="姓名" error={errors.displayName ?? null}>
            {(c) => (
              <input
                {...c}
                value={form.displayName}
                onChange={(e) => set('displayName')(e.target.value)}
              />
            )}
          </Field>
          <Field label="电子邮箱" error={errors.email ?? null}>
            {(c) => (
              <input
                {...c}
                type="email"
                autoComplete="off"
                value={form.email}
                onChange={(e) => set('email')(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="角色" hint="编辑：修改草稿；发布人：还可发布；管理员：还可管理用户">
            {(c) => (
              <select {...c} value={form.role} onChange={(e) => set('role')(e.target.value)}>
                {RoleSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <PasswordField
            label="初始密码"
            error={errors.password ?? null}
            hint="至少 12 个字符，不能只有空格，不能是常见密码"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
          />
        </div>
        <button type="submit" className="primary">
          创建用户
        </button>
      </form>
    </div>
  );
}
