import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { RoleSchema } from '../../../src/api/role.schemas.js';
import { CreateUserBodySchema } from '../../../src/api/users.schemas.js';
import type { UserView } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useLoad } from '../ui/use-load.js';
import { Field } from '../ui/field.js';
import { formatTime, ROLE_LABELS } from '../ui/labels.js';

type Role = UserView['role'];
const EMPTY = { email: '', displayName: '', role: 'editor' as Role, password: '' };

/** Accounts: create, change role, disable or enable. Admins only (the nav hides it otherwise). */
export function UsersScreen() {
  const { api, session, announce } = useApp();
  const [users, setUsers] = useState<UserView[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  // Bumped after each change: the list loads again.
  const [reloads, setReloads] = useState(0);
  const loadUsers = useCallback(() => api.users(), [api]);
  const show = useCallback((list: { users: UserView[] }) => setUsers(list.users), []);
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

  const update = async (
    user: UserView,
    patch: { role?: Role; disabled?: boolean },
    done: string,
  ) => {
    try {
      await api.updateUser(user.id, patch);
      setError(null);
      announce(done);
      setReloads((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };

  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));
  return (
    <div className="users-screen">
      <h1>用户管理</h1>
      <ErrorMessage error={error} />
      <table>
        <caption>现有用户（{users.length}）</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">电子邮箱</th>
            <th scope="col">角色</th>
            <th scope="col">状态</th>
            <th scope="col">创建时间</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === session.user.id;
            return (
              <tr key={user.id}>
                <th scope="row">{user.displayName}</th>
                <td>{user.email}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                    {user.displayName} 的角色
                  </label>
                  <select
                    id={`role-${user.id}`}
                    value={user.role}
                    disabled={self}
                    onChange={(e) => {
                      const role = RoleSchema.parse(e.target.value);
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
                <td>
                  {user.disabled ? '已停用' : '正常'}{' '}
                  {self ? (
                    <span className="hint">（当前登录）</span>
                  ) : (
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
                </td>
                <td>{formatTime(user.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

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
          <Field label="初始密码" error={errors.password ?? null} hint="至少 12 个字符">
            {(c) => (
              <input
                {...c}
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => set('password')(e.target.value)}
              />
            )}
          </Field>
        </div>
        <button type="submit" className="primary">
          创建用户
        </button>
      </form>
    </div>
  );
}
