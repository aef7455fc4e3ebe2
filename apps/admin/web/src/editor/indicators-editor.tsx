import { useMemo, useState } from 'react';
import {
  COMPARATOR_LABELS,
  COMPARATOR_SYMBOLS,
  ComparatorSchema,
  formatQuantity,
} from '@leshan/report-core';
import type { Comparator, Indicator, Measure, Report } from '@leshan/report-core';
import { z } from 'zod';
import { ConfirmDialog } from '../ui/dialog.js';
import { Field } from '../ui/field.js';
import { AttainmentSummary } from '../follow-up/attainment-summary.js';
import { ObservationsEditor } from '../follow-up/observations-editor.js';
import { CommandField } from './command-field.js';
import { acceptSuggestion, suggestIndicators } from './indicator-suggestions.js';
import { ReorderButtons, useDragReorder } from './reorder.js';
import { useEdit } from './use-edit.js';
import { useFieldDraft } from './use-form-draft.js';

interface IndicatorsEditorProps {
  report: Report;
  measure: Measure;
  canEdit: boolean;
}

/** A measure's quantitative targets: listed, edited, reordered, removed; suggestions from the text. */
export function IndicatorsEditor({ report, measure, canEdit }: IndicatorsEditorProps) {
  const edit = useEdit();
  const [open, setOpen] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Indicator | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const suggestions = useMemo(() => suggestIndicators(measure), [measure]);
  const move = (id: string, toIndex: number) => {
    const outcome = edit([{ type: 'indicator.move', id, toIndex }], '调整指标顺序');
    setMessage(outcome.ok ? null : outcome.message);
  };
  const drag = useDragReorder(measure.indicators, move);

  return (
    <section className="panel" aria-labelledby={`${measure.id}-indicators`}>
      <h3 id={`${measure.id}-indicators`}>量化指标（{measure.indicators.length}）</h3>
      {measure.indicators.length === 0 ? <p className="hint">尚无指标。</p> : null}
      <ol className="indicator-list">
        {measure.indicators.map((indicator, index) => (
          <li
            key={indicator.id}
            {...(canEdit ? drag.itemProps(indicator.id) : {})}
            className={drag.isOver(indicator.id) ? 'drop-ok' : undefined}
          >
            <div className="indicator-row">
              <span className="indicator-summary">
                <strong>{indicator.metric}</strong> {COMPARATOR_SYMBOLS[indicator.comparator]}{' '}
                {formatQuantity(indicator.value, indicator.unit)}
                {indicator.aspirational ? <span className="tag">力争</span> : null}
                <span className="hint">原文：“{indicator.raw}”</span>
                <AttainmentSummary report={report} indicator={indicator} />
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  aria-expanded={open === indicator.id}
                  onClick={() => setOpen(open === indicator.id ? null : indicator.id)}
                >
                  {canEdit ? '编辑' : '详情'}
                  <span className="visually-hidden">指标“{indicator.metric}”</span>
                </button>
                {canEdit ? (
                  <>
                    <ReorderButtons
                      label={indicator.metric}
                      index={index}
                      count={measure.indicators.length}
                      onMove={(to) => move(indicator.id, to)}
                    />
                    <button type="button" className="danger" onClick={() => setRemoving(indicator)}>
                      删除<span className="visually-hidden">指标“{indicator.metric}”</span>
                    </button>
                  </>
                ) : null}
              </span>
            </div>
            {open === indicator.id ? (
              <>
                <IndicatorForm indicator={indicator} canEdit={canEdit} />
                <ObservationsEditor report={report} indicator={indicator} canEdit={canEdit} />
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {message === null ? null : (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      {canEdit && suggestions.length > 0 ? (
        <div className="suggestions" aria-live="polite">
          <h4>从文字中识别到的指标</h4>
          <ul>
            {suggestions.map((found) => (
              <li key={`${found.raw}-${found.metric}`}>
                <span>
                  {found.metric} {COMPARATOR_SYMBOLS[found.comparator]}{' '}
                  {formatQuantity(found.value, found.unit)}（“{found.raw}”）
                </span>
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    const outcome = edit(
                      [
                        {
                          type: 'indicator.add',
                          measureId: measure.id,
                          indicator: acceptSuggestion(report, measure, found),
                        },
                      ],
                      '采纳建议指标',
                    );
                    setMessage(outcome.ok ? null : outcome.message);
                  }}
                >
                  采纳<span className="visually-hidden">指标“{found.raw}”</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {removing === null ? null : (
        <ConfirmDialog
          title="删除指标"
          message={
            <p>
              确定删除指标“{removing.metric}”（{removing.raw}）吗？删除后可以撤销。
            </p>
          }
          confirmLabel="删除"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const outcome = edit(
              [{ type: 'indicator.remove', id: removing.id }],
              `删除指标“${removing.metric}”`,
            );
            setMessage(outcome.ok ? null : outcome.message);
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

function IndicatorForm({ indicator, canEdit }: { indicator: Indicator; canEdit: boolean }) {
  const edit = useEdit();
  const id = indicator.id;
  // A refused number stays in the box with its error, even after selecting another measure.
  const typedValue = useFieldDraft(`field:${id}:value`, z.string());
  const value = typedValue.typed;
  const [failure, setError] = useState<string | null>(null);
  const error = typedValue.error ?? failure;
  const changeValue = (text: string) => {
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number)) {
      typedValue.hold(text, '请输入数值（基本单位，如 2000亿元 填 200000000000）');
      return;
    }
    const outcome = edit(
      [{ type: 'indicator.update', id, patch: { value: number } }],
      '修改指标数值',
      `${id}:value`,
    );
    if (outcome.ok) typedValue.clear();
    else typedValue.hold(text, outcome.message);
  };
  const set = (patch: { comparator?: Comparator; aspirational?: boolean }) => {
    const outcome = edit([{ type: 'indicator.update', id, patch }], '修改指标');
    setError(outcome.ok ? null : outcome.message);
  };
  return (
    <div className="indicator-form">
      <CommandField
        label="指标名称"
        value={indicator.metric}
        command={(metric) => ({ type: 'indicator.update', id, patch: { metric } })}
        editKey={`${id}:metric`}
        readOnly={!canEdit}
      />
      <div className="row">
        <Field label="比较">
          {(c) => (
            <select
              {...c}
              value={indicator.comparator}
              disabled={!canEdit}
              onChange={(e) => set({ comparator: ComparatorSchema.parse(e.target.value) })}
            >
              {ComparatorSchema.options.map((option) => (
                <option key={option} value={option}>
                  {COMPARATOR_SYMBOLS[option]} {COMPARATOR_LABELS[option].zh}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="数值（基本单位）"
          error={error}
          hint={`= ${formatQuantity(indicator.value, indicator.unit)}`}
        >
          {(c) => (
            <input
              {...c}
              inputMode="decimal"
              value={value ?? String(indicator.value)}
              readOnly={!canEdit}
              onChange={(e) => changeValue(e.target.value)}
              onBlur={() => typedValue.error === null && typedValue.clear()}
            />
          )}
        </Field>
        <CommandField
          label="单位"
          value={indicator.unit}
          command={(unit) => ({ type: 'indicator.update', id, patch: { unit } })}
          editKey={`${id}:unit`}
          readOnly={!canEdit}
        />
      </div>
      <CommandField
        label="原文措辞"
        hint="必须与举措文字中的原文完全一致"
        value={indicator.raw}
        command={(raw) => ({ type: 'indicator.update', id, patch: { raw } })}
        editKey={`${id}:raw`}
        readOnly={!canEdit}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={indicator.aspirational}
          disabled={!canEdit}
          onChange={(e) => set({ aspirational: e.target.checked })}
        />
        争取性目标（力争、争创、努力）
      </label>
    </div>
  );
}
