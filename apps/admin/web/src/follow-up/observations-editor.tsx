import { useState } from 'react';
import { formatQuantity } from '@leshan/report-core';
import type { Command, Indicator, Observation, Report } from '@leshan/report-core';
import { ConfirmDialog } from '../ui/dialog.js';
import { useEdit } from '../editor/use-edit.js';
import { ObservationForm } from './observation-form.js';
import { observationBasisLabel } from '@leshan/report-core/labels';

/** What changed between the observation edited and the checked form: observation.update's patch. */
function patchOf(before: Observation, after: Observation) {
  return {
    ...(after.date === before.date ? {} : { date: after.date }),
    ...(after.value === before.value ? {} : { value: after.value }),
    ...((after.basis ?? 'cumulative') === (before.basis ?? 'cumulative')
      ? {}
      : { basis: after.basis ?? null }),
    ...(after.source.title === before.source.title && after.source.url === before.source.url
      ? {}
      : { source: after.source }),
    ...(after.note === before.note ? {} : { note: after.note ?? null }),
  };
}

/**
 * A target's actual values (实际值): listed oldest first with date, value, basis, source and
 * note; added, edited and removed with observation.add/update/remove. A relative target's
 * baseline value (基期值) is set with baseline.set.
 */
export function ObservationsEditor({
  report,
  indicator,
  canEdit,
}: {
  report: Report;
  indicator: Indicator;
  canEdit: boolean;
}) {
  const edit = useEdit();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Observation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const observations = indicator.observations ?? [];
  const withBasis = indicator.kind === 'increment';
  const lastDay = `${report.meta.period.end}-12-31`;
  const run = (commands: Command[], label: string): string | null => {
    const outcome = edit(commands, label);
    return outcome.ok ? null : outcome.message;
  };

  return (
    <section className="observations" aria-labelledby={`${indicator.id}-observations`}>
      <h4 id={`${indicator.id}-observations`}>实际值（{observations.length}）</h4>
      {indicator.baseline === undefined ? null : (
        <BaselineValue indicator={indicator} canEdit={canEdit} run={run} />
      )}
      {observations.length === 0 ? <p className="hint">尚无实际值。</p> : null}
      <ol className="updates observation-list">
        {observations.map((observation) => (
          <li key={observation.id}>
            {editing === observation.id ? (
              <ObservationForm
                draftKey={`observation:${observation.id}`}
                title={`修改 ${observation.date} 的实际值`}
                submitLabel="保存修改"
                indicator={indicator}
                editing={observation}
                defaultDate={observation.date}
                withBasis={withBasis}
                onCancel={() => setEditing(null)}
                onSubmit={(changed) => {
                  const patch = patchOf(observation, changed);
                  if (Object.keys(patch).length === 0) {
                    setEditing(null);
                    return null;
                  }
                  const refused = run(
                    [{ type: 'observation.update', id: observation.id, patch }],
                    '修改实际值',
                  );
                  if (refused === null) setEditing(null);
                  return refused;
                }}
              />
            ) : (
              <ObservationLine
                indicator={indicator}
                observation={observation}
                withBasis={withBasis}
              />
            )}
            {canEdit && editing !== observation.id ? (
              <span className="row-actions">
                <button type="button" onClick={() => setEditing(observation.id)}>
                  编辑<span className="visually-hidden">{observation.date} 的实际值</span>
                </button>
                <button type="button" className="danger" onClick={() => setRemoving(observation)}>
                  删除<span className="visually-hidden">{observation.date} 的实际值</span>
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {failure === null ? null : (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {canEdit ? (
        <ObservationForm
          draftKey={`observation:new:${indicator.id}`}
          title="添加实际值"
          submitLabel="添加实际值"
          indicator={indicator}
          defaultDate={lastDay}
          withBasis={withBasis}
          onSubmit={(observation) =>
            run(
              [{ type: 'observation.add', indicatorId: indicator.id, observation }],
              `添加“${indicator.metric}”的实际值`,
            )
          }
        />
      ) : null}
      {removing === null ? null : (
        <ConfirmDialog
          title="删除实际值"
          message={
            <p>
              确定删除 {removing.date} 的实际值 {formatQuantity(removing.value, indicator.unit)}{' '}
              吗？删除后可以撤销。
            </p>
          }
          confirmLabel="删除"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setFailure(run([{ type: 'observation.remove', id: removing.id }], '删除实际值'));
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

function ObservationLine({
  indicator,
  observation,
  withBasis,
}: {
  indicator: Indicator;
  observation: Observation;
  withBasis: boolean;
}) {
  return (
    <div className="observation-line">
      <p>
        截至 <time dateTime={observation.date}>{observation.date}</time>{' '}
        <strong>{formatQuantity(observation.value, indicator.unit)}</strong>
        {withBasis ? (
          <span className="tag">{observationBasisLabel(observation.basis).zh}</span>
        ) : null}
      </p>
      <p className="hint">
        来源：
        {observation.source.url === undefined ? (
          observation.source.title
        ) : (
          <a href={observation.source.url} rel="noreferrer noopener" target="_blank">
            {observation.source.title}
          </a>
        )}
      </p>
      {observation.note === undefined ? null : <p>{observation.note}</p>}
    </div>
  );
}

function BaselineValue({
  indicator,
  canEdit,
  run,
}: {
  indicator: Indicator;
  canEdit: boolean;
  run: (commands: Command[], label: string) => string | null;
}) {
  const baseline = indicator.baseline;
  const [open, setOpen] = useState(false);
  if (baseline === undefined) return null;
  const value = baseline.observation;
  return (
    <div className="baseline">
      <p>
        基期（{baseline.raw}）：
        {value === undefined ? (
          <span className="hint">尚未录入基期值，无法计算完成情况</span>
        ) : (
          <>
            <strong>{formatQuantity(value.value, indicator.unit)}</strong>（{value.date}，
            {value.source.title}）
          </>
        )}
      </p>
      {canEdit && !open ? (
        <span className="row-actions">
          <button type="button" onClick={() => setOpen(true)}>
            {value === undefined ? '录入基期值' : '修改基期值'}
          </button>
          {value === undefined ? null : (
            <button
              type="button"
              className="danger"
              onClick={() =>
                run(
                  [{ type: 'baseline.set', indicatorId: indicator.id, observation: null }],
                  '清除基期值',
                )
              }
            >
              清除基期值
            </button>
          )}
        </span>
      ) : null}
      {canEdit && open ? (
        <ObservationForm
          draftKey={`baseline:${indicator.id}`}
          title={`${baseline.year} 年基期值`}
          submitLabel="保存基期值"
          indicator={indicator}
          {...(value === undefined ? {} : { editing: value })}
          defaultDate={`${baseline.year}-12-31`}
          withBasis={false}
          onCancel={() => setOpen(false)}
          onSubmit={(observation) => {
            const refused = run(
              [{ type: 'baseline.set', indicatorId: indicator.id, observation }],
              '录入基期值',
            );
            if (refused === null) setOpen(false);
            return refused;
          }}
        />
      ) : null}
    </div>
  );
}
