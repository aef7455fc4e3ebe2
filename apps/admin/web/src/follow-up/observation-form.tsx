import { useState } from 'react';
import type { FormEvent } from 'react';
import { createNodeId, ObservationSchema } from '@leshan/report-core';
import type { Indicator, Observation } from '@leshan/report-core';
import { z } from 'zod';
import { Field } from '../ui/field.js';
import { useFormDraft } from '../editor/use-form-draft.js';
import { fieldErrors } from './field-errors.js';
import { BASIS_OPTIONS } from './follow-up-labels.js';

const ObservationFormSchema = z.object({
  date: z.string(),
  value: z.string(),
  basis: z.string(),
  title: z.string(),
  url: z.string(),
  note: z.string(),
});
type ObservationForm = z.infer<typeof ObservationFormSchema>;

const formOf = (observation: Observation | undefined, date: string): ObservationForm => ({
  date: observation?.date ?? date,
  value: observation === undefined ? '' : String(observation.value),
  basis: observation?.basis === 'annual' ? 'annual' : '',
  title: observation?.source.title ?? '',
  url: observation?.source.url ?? '',
  note: observation?.note ?? '',
});

/** The typed form as an observation for report-core's ObservationSchema to check. */
function candidate(form: ObservationForm, id: string) {
  const value = form.value.trim();
  return {
    id,
    date: form.date,
    value: value === '' ? Number.NaN : Number(value),
    ...(form.basis === '' ? {} : { basis: form.basis }),
    source: {
      title: form.title,
      ...(form.url.trim() === '' ? {} : { url: form.url.trim() }),
    },
    ...(form.note.trim() === '' ? {} : { note: form.note }),
  };
}

interface ObservationFormProps {
  /** Form draft key: the typed text survives selecting another node and a reload. */
  draftKey: string;
  title: string;
  submitLabel: string;
  indicator: Indicator;
  /** The observation being edited (its values start the form), or none for a new one. */
  editing?: Observation;
  /** The date a new form starts with. */
  defaultDate: string;
  /** Whether to ask for 累计/当年 (an increment target reads it). */
  withBasis: boolean;
  /** Applies the checked observation; the draft's refusal, if any. */
  onSubmit: (observation: Observation) => string | null;
  onCancel?: () => void;
}

/**
 * A dated actual value with its source (截至日期, 实际值, 口径, 来源, 说明), checked field by
 * field with report-core's ObservationSchema; used for observations and a baseline value.
 */
export function ObservationForm({
  draftKey,
  title,
  submitLabel,
  indicator,
  editing,
  defaultDate,
  withBasis,
  onSubmit,
  onCancel,
}: ObservationFormProps) {
  const [form, setForm, clearForm] = useFormDraft(
    draftKey,
    formOf(editing, defaultDate),
    ObservationFormSchema,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = `${draftKey.replaceAll(':', '-')}-heading`;
  const set = (key: keyof ObservationForm) => (value: string) => setForm({ ...form, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ObservationSchema.safeParse(candidate(form, editing?.id ?? createNodeId('obs')));
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    const refused = onSubmit(parsed.data);
    setFailure(refused);
    if (refused === null) clearForm();
  };

  return (
    <form
      className="update-form observation-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
    >
      <h5 id={headingId}>{title}</h5>
      <div className="row">
        <Field label="截至日期" error={errors.date ?? null}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={form.date}
              onChange={(e) => set('date')(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={`实际值（${indicator.unit}）`}
          error={errors.value ?? null}
          hint="与目标同一基本单位"
        >
          {(c) => (
            <input
              {...c}
              inputMode="decimal"
              value={form.value}
              onChange={(e) => set('value')(e.target.value)}
            />
          )}
        </Field>
        {withBasis ? (
          <Field label="口径" error={errors.basis ?? null}>
            {(c) => (
              <select {...c} value={form.basis} onChange={(e) => set('basis')(e.target.value)}>
                {BASIS_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="row">
        <Field
          label="来源名称"
          error={errors['source.title'] ?? errors.source ?? null}
          hint="如 2024年乐山市国民经济和社会发展统计公报"
        >
          {(c) => (
            <input {...c} value={form.title} onChange={(e) => set('title')(e.target.value)} />
          )}
        </Field>
        <Field label="来源链接（可选）" error={errors['source.url'] ?? null}>
          {(c) => (
            <input
              {...c}
              type="url"
              value={form.url}
              onChange={(e) => set('url')(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="说明（可选）" error={errors.note ?? null}>
        {(c) => (
          <textarea
            {...c}
            rows={2}
            value={form.note}
            onChange={(e) => set('note')(e.target.value)}
          />
        )}
      </Field>
      {failure === null ? null : (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        {onCancel === undefined ? null : (
          <button
            type="button"
            onClick={() => {
              clearForm();
              onCancel();
            }}
          >
            取消
          </button>
        )}
      </div>
    </form>
  );
}
