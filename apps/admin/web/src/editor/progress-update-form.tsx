import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  createNodeId,
  ProgressUpdateSchema,
  statusForProgress,
  TRACKING_STATUS_LABELS,
  TrackingStatusSchema,
  toValidationIssues,
  updateProblems,
} from '@leshan/report-core';
import type { Command, Measure } from '@leshan/report-core';
import { z } from 'zod';
import { Field } from '../ui/field.js';
import { todayInShanghai } from '@leshan/report-core/labels';
import { useFormDraft } from './use-form-draft.js';
import { useEdit } from './use-edit.js';

const today = (): string => todayInShanghai();

const ProgressFormSchema = z.object({
  date: z.string(),
  note: z.string(),
  progress: z.string(),
  status: z.string(),
  evidenceUrl: z.string(),
});
const emptyForm = (): z.infer<typeof ProgressFormSchema> => ({
  date: today(),
  note: '',
  progress: '',
  status: '',
  evidenceUrl: '',
});

/**
 * Records a dated progress update. Checked field by field with the model's ProgressUpdateSchema;
 * a status or progress given here also becomes the measure's current state.
 */
export function ProgressUpdateForm({ measure }: { measure: Measure }) {
  const edit = useEdit();
  // Kept in this tab's form drafts: typed text survives selecting another measure.
  const [form, setForm, clearForm] = useFormDraft(
    `progress:${measure.id}`,
    emptyForm(),
    ProgressFormSchema,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const candidate = () => ({
    id: createNodeId('u'),
    date: form.date,
    note: form.note,
    ...(form.progress.trim() === '' ? {} : { progress: Number(form.progress) }),
    ...(form.status === '' ? {} : { status: form.status }),
    ...(form.evidenceUrl.trim() === '' ? {} : { evidenceUrl: form.evidenceUrl.trim() }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ProgressUpdateSchema.safeParse(candidate());
    if (!parsed.success) {
      const issues = toValidationIssues(parsed.error.issues);
      setErrors(Object.fromEntries(issues.map((i) => [String(i.pathSegments[0]), i.message.zh])));
      return;
    }
    // A progress needs a status and 100 % is completed (report-core's rules, issue 13 point 6).
    const problems = updateProblems(parsed.data);
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message.zh])));
      return;
    }
    setErrors({});
    const update = parsed.data;
    // The measure's state follows its latest update by date (report-core, issue 13 point 6).
    const commands: Command[] = [{ type: 'progress.add', measureId: measure.id, update }];
    const outcome = edit(commands, '添加进展记录');
    if (outcome.ok) {
      setFailure(null);
      clearForm();
    } else setFailure(outcome.message);
  };

  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  // A progress offers the status the rules give it: 100 % is completed, otherwise the chosen (or
  // the measure's current) status, or 推进中 / 未开始 when there is none.
  const setProgress = (value: string) => {
    const progress = /^\d{1,3}$/.test(value.trim()) ? Number(value) : null;
    if (progress === null || progress > 100) return setForm({ ...form, progress: value });
    const chosen = TrackingStatusSchema.safeParse(form.status);
    const current = chosen.success ? chosen.data : measure.tracking.status;
    setForm({ ...form, progress: value, status: statusForProgress(progress, current) });
  };

  return (
    <form
      className="update-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${measure.id}-new-update`}
    >
      <h4 id={`${measure.id}-new-update`}>添加进展记录</h4>
      <div className="row">
        <Field label="日期" error={errors.date ?? null}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={form.date}
              onChange={(e) => set('date')(e.target.value)}
            />
          )}
        </Field>
        <Field label="状态（可选）" error={errors.status ?? null}>
          {(c) => (
            <select {...c} value={form.status} onChange={(e) => set('status')(e.target.value)}>
              <option value="">不变</option>
              {TrackingStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {TRACKING_STATUS_LABELS[s].zh}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="进度 %（可选）" error={errors.progress ?? null}>
          {(c) => (
            <input
              {...c}
              inputMode="numeric"
              value={form.progress}
              onChange={(e) => setProgress(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="进展说明" error={errors.note ?? null}>
        {(c) => (
          <textarea
            {...c}
            rows={3}
            value={form.note}
            onChange={(e) => set('note')(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="佐证链接（可选）"
        error={errors.evidenceUrl ?? null}
        hint="http:// 或 https:// 开头的公开网页"
      >
        {(c) => (
          <input
            {...c}
            type="url"
            value={form.evidenceUrl}
            onChange={(e) => set('evidenceUrl')(e.target.value)}
          />
        )}
      </Field>
      {failure === null ? null : (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary">
        添加记录
      </button>
    </form>
  );
}
