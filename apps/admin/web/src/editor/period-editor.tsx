import { z } from 'zod';
import type { Report } from '@leshan/report-core';
import { Field } from '../ui/field.js';
import { useEdit } from './use-edit.js';
import { useFieldDraft } from './use-form-draft.js';

const PeriodTypedSchema = z.object({ start: z.string(), end: z.string() });

type Period = Report['meta']['period'];

/** The years the report covers; both years go in one command so start ≤ end is checked together. */
export function PeriodEditor({ period, canEdit }: { period: Period; canEdit: boolean }) {
  const edit = useEdit();
  // A refused pair of years stays in the boxes with its error, even after leaving the screen.
  const field = useFieldDraft('field:meta:period', PeriodTypedSchema);
  const typed = field.typed;
  const error = field.error;
  const shown = typed ?? { start: String(period.start), end: String(period.end) };

  const change = (next: { start: string; end: string }) => {
    const start = Number(next.start);
    const end = Number(next.end);
    if (!/^\d{4}$/.test(next.start) || !/^\d{4}$/.test(next.end)) {
      field.hold(next, '年份应为四位数字');
      return;
    }
    const outcome = edit(
      [{ type: 'meta.update', patch: { period: { start, end } } }],
      '修改起止年份',
      'meta:period',
    );
    if (outcome.ok) field.clear();
    else field.hold(next, outcome.message);
  };

  return (
    <div className="row">
      <Field label="起始年份" error={error}>
        {(c) => (
          <input
            {...c}
            inputMode="numeric"
            value={shown.start}
            readOnly={!canEdit}
            onChange={(e) => change({ ...shown, start: e.target.value })}
          />
        )}
      </Field>
      <Field label="结束年份">
        {(c) => (
          <input
            {...c}
            inputMode="numeric"
            value={shown.end}
            readOnly={!canEdit}
            onChange={(e) => change({ ...shown, end: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
