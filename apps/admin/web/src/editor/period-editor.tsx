import { useState } from 'react';
import type { Report } from '@leshan/report-core';
import { Field } from '../ui/field.js';
import { useEdit } from './use-edit.js';

type Period = Report['meta']['period'];

/** The years the report covers; both years go in one command so start ≤ end is checked together. */
export function PeriodEditor({ period, canEdit }: { period: Period; canEdit: boolean }) {
  const edit = useEdit();
  const [typed, setTyped] = useState<{ start: string; end: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = typed ?? { start: String(period.start), end: String(period.end) };

  const change = (next: { start: string; end: string }) => {
    setTyped(next);
    const start = Number(next.start);
    const end = Number(next.end);
    if (!/^\d{4}$/.test(next.start) || !/^\d{4}$/.test(next.end)) {
      setError('年份应为四位数字');
      return;
    }
    const outcome = edit(
      [{ type: 'meta.update', patch: { period: { start, end } } }],
      '修改起止年份',
      'meta:period',
    );
    setError(outcome.ok ? null : outcome.message);
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
