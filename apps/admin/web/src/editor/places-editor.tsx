import { useState } from 'react';
import type { Measure, Report } from '@leshan/report-core';
import { useEdit } from './use-edit.js';

/** Which places of the gazetteer (report.places) the measure names. */
export function PlacesEditor({
  report,
  measure,
  canEdit,
}: {
  report: Report;
  measure: Measure;
  canEdit: boolean;
}) {
  const edit = useEdit();
  const [error, setError] = useState<string | null>(null);
  const chosen = new Set(measure.places);
  const toggle = (id: string, on: boolean) => {
    // Kept in gazetteer order, so the same choice always gives the same list.
    const places = report.places.map((p) => p.id).filter((p) => (p === id ? on : chosen.has(p)));
    const outcome = edit(
      [{ type: 'measure.update', id: measure.id, patch: { places } }],
      '修改涉及地点',
    );
    setError(outcome.ok ? null : outcome.message);
  };
  const suggested = report.places.filter(
    (p) => !chosen.has(p.id) && [p.name, ...p.aliases].some((n) => measure.text.includes(n)),
  );
  return (
    <fieldset className="panel places">
      <legend>涉及地点</legend>
      {suggested.length > 0 && canEdit ? (
        <p className="hint">文字中提到但未勾选：{suggested.map((p) => p.name).join('、')}</p>
      ) : null}
      <div className="check-grid">
        {report.places.map((place) => (
          <label key={place.id} className="check">
            <input
              type="checkbox"
              checked={chosen.has(place.id)}
              disabled={!canEdit}
              onChange={(e) => toggle(place.id, e.target.checked)}
            />
            {place.name}
          </label>
        ))}
      </div>
      {error === null ? null : (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
