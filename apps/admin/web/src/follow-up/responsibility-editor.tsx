import { useState } from 'react';
import type { FormEvent } from 'react';
import { createNodeId, IsoDateSchema, MilestoneSchema } from '@leshan/report-core';
import type { Measure, Milestone, Report, Responsibility } from '@leshan/report-core';
import { z } from 'zod';
import { Field } from '../ui/field.js';
import { CommandField } from '../editor/command-field.js';
import { useEdit } from '../editor/use-edit.js';
import { useFieldDraft, useFormDraft } from '../editor/use-form-draft.js';
import { fieldErrors } from './field-errors.js';

const EMPTY: Responsibility = { lead: null, co: [], deadline: null, milestones: [] };
const MilestoneFormSchema = z.object({ year: z.string(), text: z.string() });

/** Nothing named: the measure carries no responsibility at all (absent, never empty lists). */
const orNull = (r: Responsibility): Responsibility | null =>
  r.lead === null && r.co.length === 0 && r.deadline === null && r.milestones.length === 0
    ? null
    : r;

/**
 * 责任与时限: the lead department (牵头单位), co-responsible departments (责任单位) from the
 * managed list, the deadline (完成时限) and yearly milestones (年度节点). Each change sets the
 * whole responsibility with responsibility.set; report-core checks it.
 */
export function ResponsibilityEditor({
  report,
  measure,
  canEdit,
}: {
  report: Report;
  measure: Measure;
  canEdit: boolean;
}) {
  const edit = useEdit();
  const current = measure.responsibility ?? EMPTY;
  const departments = report.departments ?? [];
  const [error, setError] = useState<string | null>(null);
  const deadlineDraft = useFieldDraft(`field:${measure.id}:deadline`, z.string());
  const set = (next: Responsibility, label: string, key: string | null = null) => {
    const outcome = edit(
      [{ type: 'responsibility.set', measureId: measure.id, responsibility: orNull(next) }],
      label,
      key,
    );
    setError(outcome.ok ? null : outcome.message);
    return outcome;
  };
  const changeDeadline = (text: string) => {
    if (text === '') {
      set({ ...current, deadline: null }, '清除完成时限', `${measure.id}:deadline`);
      return deadlineDraft.clear();
    }
    const parsed = IsoDateSchema.safeParse(text);
    if (!parsed.success)
      return deadlineDraft.hold(text, fieldErrors(parsed.error)[''] ?? '日期格式应为 YYYY-MM-DD');
    const outcome = set(
      { ...current, deadline: parsed.data },
      '修改完成时限',
      `${measure.id}:deadline`,
    );
    if (outcome.ok) deadlineDraft.clear();
    else deadlineDraft.hold(text, outcome.message);
  };
  const setMilestone = (id: string, patch: Partial<Milestone>, label: string) =>
    set(
      {
        ...current,
        milestones: current.milestones.map((m) => (m.id === id ? { ...m, ...patch } : m)),
      },
      label,
    );

  return (
    <section className="panel responsibility" aria-labelledby={`${measure.id}-responsibility`}>
      <h3 id={`${measure.id}-responsibility`}>责任与时限</h3>
      {departments.length === 0 ? (
        <p className="hint">单位名单为空，请先在“单位管理”中添加单位。</p>
      ) : null}
      <div className="row">
        <Field label="牵头单位">
          {(c) => (
            <select
              {...c}
              value={current.lead ?? ''}
              disabled={!canEdit}
              onChange={(e) => {
                const lead = e.target.value === '' ? null : e.target.value;
                set(
                  { ...current, lead, co: current.co.filter((id) => id !== lead) },
                  '修改牵头单位',
                );
              }}
            >
              <option value="">未指定</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="完成时限" error={deadlineDraft.error} hint="留空表示未定">
          {(c) => (
            <input
              {...c}
              type="date"
              value={deadlineDraft.typed ?? current.deadline ?? ''}
              readOnly={!canEdit}
              onChange={(e) => changeDeadline(e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="co-departments">
        <legend>责任单位</legend>
        {departments.length === 0 ? null : (
          <div className="check-grid">
            {departments.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={current.co.includes(d.id)}
                  disabled={!canEdit || current.lead === d.id}
                  onChange={(e) => {
                    const co = departments
                      .map((x) => x.id)
                      .filter((id) => (id === d.id ? e.target.checked : current.co.includes(id)));
                    set({ ...current, co }, '修改责任单位');
                  }}
                />
                {d.name}
                {current.lead === d.id ? <span className="hint">（牵头）</span> : null}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <h4>年度节点（{current.milestones.length}）</h4>
      {current.milestones.length === 0 ? <p className="hint">尚无年度节点。</p> : null}
      <ol className="milestones">
        {current.milestones.map((m) => (
          <li key={m.id}>
            <CommandField
              label={`${m.year} 年节点内容`}
              value={m.text}
              editKey={`${m.id}:text`}
              readOnly={!canEdit}
              command={(text) => ({
                type: 'responsibility.set',
                measureId: measure.id,
                responsibility: {
                  ...current,
                  milestones: current.milestones.map((x) => (x.id === m.id ? { ...x, text } : x)),
                },
              })}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={m.done}
                disabled={!canEdit}
                onChange={(e) =>
                  setMilestone(
                    m.id,
                    { done: e.target.checked },
                    e.target.checked ? '标记节点已完成' : '标记节点未完成',
                  )
                }
              />
              已完成
            </label>
            {canEdit ? (
              <button
                type="button"
                className="danger"
                onClick={() =>
                  set(
                    { ...current, milestones: current.milestones.filter((x) => x.id !== m.id) },
                    `删除 ${m.year} 年节点`,
                  )
                }
              >
                删除
                <span className="visually-hidden">
                  {m.year} 年节点“{m.text}”
                </span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {error === null ? null : (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {canEdit ? (
        <MilestoneForm
          measure={measure}
          onAdd={(milestone) => {
            const milestones = [...current.milestones, milestone].sort((a, b) => a.year - b.year);
            return set({ ...current, milestones }, `添加 ${milestone.year} 年节点`).ok;
          }}
        />
      ) : null}
    </section>
  );
}

function MilestoneForm({
  measure,
  onAdd,
}: {
  measure: Measure;
  onAdd: (milestone: Milestone) => boolean;
}) {
  const [form, setForm, clearForm] = useFormDraft(
    `milestone:${measure.id}`,
    { year: '', text: '' },
    MilestoneFormSchema,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = /^\d{4}$/.test(form.year.trim()) ? Number(form.year) : form.year;
    const parsed = MilestoneSchema.safeParse({
      id: createNodeId('ms'),
      year,
      text: form.text,
      done: false,
    });
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      if (found.year !== undefined && typeof year !== 'number')
        found.year = '年份应为四位数字，如 2025';
      return setErrors(found);
    }
    setErrors({});
    if (onAdd(parsed.data)) clearForm();
  };
  return (
    <form
      className="update-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${measure.id}-new-milestone`}
    >
      <h4 id={`${measure.id}-new-milestone`}>添加年度节点</h4>
      <div className="row">
        <Field label="年份" error={errors.year ?? null}>
          {(c) => (
            <input
              {...c}
              inputMode="numeric"
              value={form.year}
              onChange={(e) => setForm({ ...form, year: e.target.value })}
            />
          )}
        </Field>
        <Field label="节点内容" error={errors.text ?? null}>
          {(c) => (
            <input
              {...c}
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="primary">
        添加节点
      </button>
    </form>
  );
}
