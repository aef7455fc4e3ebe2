import { useState } from 'react';
import type { FormEvent } from 'react';
import { createNodeId, DepartmentSchema } from '@leshan/report-core';
import type { Department } from '@leshan/report-core';
import { z } from 'zod';
import { useDraft } from '../layout/use-draft.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { Field, FormFailure } from '../ui/field.js';
import { CommandField } from '../editor/command-field.js';
import { useEdit } from '../editor/use-edit.js';
import { useFormDraft } from '../editor/use-form-draft.js';
import { useApp } from '../layout/app-context.js';
import { fieldErrors } from './field-errors.js';

const NewDepartmentSchema = z.object({ name: z.string() });

/**
 * 单位管理: the managed list of departments that lead or share measures. Every change is a draft
 * command (department.add/update/remove) saved like any other edit; report-core refuses to
 * remove a department while a measure names it, and says which.
 */
export function DepartmentsScreen() {
  const draft = useDraft();
  const { session } = useApp();
  const edit = useEdit();
  const canEdit = session.permissions.edit;
  const [removing, setRemoving] = useState<Department | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (draft.report === null) return <p role="status">{draft.message ?? '正在载入草稿…'}</p>;
  const departments = draft.report.departments ?? [];

  return (
    <div className="departments-screen">
      <h1>单位管理</h1>
      <p className="hint">
        举措的牵头单位和责任单位从这里选择。原文没有写明责任单位，名单从空开始，只录入确有其事的单位。
      </p>
      <FormFailure failure={failure} />
      {departments.length === 0 ? <p className="hint">尚无单位。</p> : null}
      <ol className="department-list" aria-label="单位名单">
        {departments.map((department) => (
          <li key={department.id}>
            <CommandField
              label="单位名称"
              value={department.name}
              command={(name) => ({
                type: 'department.update',
                id: department.id,
                patch: { name },
              })}
              editKey={`${department.id}:name`}
              readOnly={!canEdit}
            />
            {canEdit ? (
              <button type="button" className="danger" onClick={() => setRemoving(department)}>
                删除<span className="visually-hidden">单位“{department.name}”</span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? <NewDepartmentForm index={departments.length} /> : null}
      {removing === null ? null : (
        <ConfirmDialog
          title="删除单位"
          message={<p>确定从名单中删除“{removing.name}”吗？删除后可以撤销。</p>}
          confirmLabel="删除"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const outcome = edit(
              [{ type: 'department.remove', id: removing.id }],
              `删除单位“${removing.name}”`,
            );
            setFailure(outcome.ok ? null : outcome.message);
            setRemoving(null);
          }}
        />
      )}
    </div>
  );
}

function NewDepartmentForm({ index }: { index: number }) {
  const edit = useEdit();
  const [form, setForm, clearForm] = useFormDraft(
    'department:new',
    { name: '' },
    NewDepartmentSchema,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = DepartmentSchema.safeParse({ id: createNodeId('dept'), name: form.name });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    const outcome = edit(
      [{ type: 'department.add', department: parsed.data, index }],
      `添加单位“${parsed.data.name}”`,
    );
    // A refusal of the list (a name already listed) is shown at the field.
    if (outcome.ok) clearForm();
    else setErrors({ name: outcome.message });
  };
  return (
    <form className="update-form" onSubmit={submit} noValidate aria-labelledby="new-department">
      <h2 id="new-department">添加单位</h2>
      <Field label="新单位名称" error={errors.name ?? null} hint="如 市交通运输局">
        {(c) => (
          <input {...c} value={form.name} onChange={(e) => setForm({ name: e.target.value })} />
        )}
      </Field>
      <button type="submit" className="primary">
        添加单位
      </button>
    </form>
  );
}
