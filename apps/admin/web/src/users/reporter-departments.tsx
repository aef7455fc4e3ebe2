import { useState } from 'react';
import type { Department } from '@leshan/report-core';
import type { UserListItem } from '../api/endpoints.js';

/**
 * A reporter's departments (issue 18 point 3): their names, and a 修改 button that opens one
 * checkbox per department of the draft, saved with `PUT /api/users/:id/departments`.
 */
export function ReporterDepartments(props: {
  user: UserListItem;
  departments: readonly Department[];
  /** Resolves true once saved; false keeps the checkboxes open (the screen shows the error). */
  onSave: (ids: string[]) => Promise<boolean>;
}) {
  const { user, departments, onSave } = props;
  const current = user.departments ?? [];
  const [editing, setEditing] = useState<Set<string> | null>(null);
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const summary = current.length === 0 ? '尚未指定' : current.map(nameOf).join('、');

  if (editing === null) {
    return (
      <div className="reporter-departments">
        <span>{summary}</span>{' '}
        <button type="button" onClick={() => setEditing(new Set(current))}>
          修改<span className="visually-hidden">{user.displayName} 的报送单位</span>
        </button>
      </div>
    );
  }
  const toggle = (id: string, on: boolean) =>
    setEditing((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <fieldset className="reporter-departments">
      <legend>{user.displayName} 的报送单位</legend>
      {departments.length === 0 ? (
        <p className="hint">草稿中尚无单位，请先在“单位管理”中添加。</p>
      ) : null}
      {departments.map((d) => (
        <label key={d.id} className="checkbox">
          <input
            type="checkbox"
            checked={editing.has(d.id)}
            onChange={(e) => toggle(d.id, e.target.checked)}
          />{' '}
          {d.name}
        </label>
      ))}
      <div className="user-actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void onSave(departments.filter((d) => editing.has(d.id)).map((d) => d.id)).then(
              (saved) => {
                if (saved) setEditing(null);
              },
            )
          }
        >
          保存报送单位
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          取消
        </button>
      </div>
    </fieldset>
  );
}
