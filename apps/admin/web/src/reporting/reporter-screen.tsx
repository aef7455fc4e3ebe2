import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import type { Endpoints, ReporterMeasures, SessionView, SubmissionList } from '../api/endpoints.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Field } from '../ui/field.js';
import { useLoad } from '../ui/use-load.js';
import { SubmissionCard } from './submission-status.js';
import { BASIS_OPTIONS } from '../follow-up/follow-up-labels.js';

type Measure = ReporterMeasures['measures'][number];

/**
 * A department's reporter (issue 18): its measures, a form for 进展 and 实际值, and its own
 * submissions with their status and comments. Nothing of the editor's tools.
 */
export function ReporterScreen({
  api,
  session,
  signOut,
}: {
  api: Endpoints;
  session: SessionView;
  signOut: () => Promise<void>;
}) {
  const [data, setData] = useState<ReporterMeasures | null>(null);
  const [mine, setMine] = useState<SubmissionList['submissions']>([]);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(0);
  const load = useCallback(
    () => Promise.all([api.reporterMeasures(), api.ownSubmissions()]),
    [api],
  );
  const show = useCallback(([measures, own]: [ReporterMeasures, SubmissionList]) => {
    setData(measures);
    setMine(own.submissions);
    setError(null);
  }, []);
  useLoad(load, show, setError, key);

  return (
    <div className="reporter">
      <header className="reporter-header">
        <h1>部门报送</h1>
        <p>
          {session.user.displayName}
          {data === null ? null : ` · ${data.departments.map((d) => d.name).join('、')}`}
        </p>
        <button type="button" onClick={() => void signOut()}>
          退出登录
        </button>
      </header>
      <main id="main" className="reporter-main">
        <ErrorMessage error={error} />
        <section aria-labelledby="my-measures">
          <h2 id="my-measures">我的举措</h2>
          {data !== null && data.measures.length === 0 ? (
            <p>您所在的部门还没有负责的举措。</p>
          ) : null}
          <ul className="reporter-measures">
            {data?.measures.map((m) => (
              <MeasureCard key={m.id} api={api} measure={m} sent={() => setKey((k) => k + 1)} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="my-submissions">
          <h2 id="my-submissions">我的报送</h2>
          {mine.length === 0 ? <p>还没有报送记录。</p> : null}
          <ul className="submissions">
            {mine.map((s) => (
              <SubmissionCard key={s.id} item={s} />
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}

function MeasureCard({
  api,
  measure,
  sent,
}: {
  api: Endpoints;
  measure: Measure;
  sent: () => void;
}) {
  const [kind, setKind] = useState<'observation' | 'progress'>('observation');
  const [form, setForm] = useState({
    indicatorId: measure.indicators[0]?.id ?? '',
    value: '',
    basis: '',
    date: '',
    title: '',
    url: '',
    note: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  // 累计/当年 matters for an increment target only (report-core counts from the period's start).
  const target = measure.indicators.find((i) => i.id === form.indicatorId);
  const withBasis = target?.kind === 'increment';
  const annual = withBasis && form.basis === 'annual';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    try {
      if (kind === 'observation') {
        await api.submit({
          kind: 'observation',
          measureId: measure.id,
          indicatorId: form.indicatorId,
          observation: {
            date: form.date,
            value: Number(form.value),
            ...(annual ? { basis: 'annual' as const } : {}),
            source: form.url === '' ? { title: form.title } : { title: form.title, url: form.url },
            ...(form.note === '' ? {} : { note: form.note }),
          },
        });
      } else {
        await api.submit({
          kind: 'progress',
          measureId: measure.id,
          update: { date: form.date, note: form.note },
        });
      }
      setError(null);
      setDone('已提交，等待编辑审核。');
      setForm((f) => ({ ...f, value: '', note: '' }));
      sent();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <li className="reporter-measure panel">
      <p className="measure-text">{measure.text}</p>
      {measure.indicators.length > 0 ? (
        <ul className="targets">
          {measure.indicators.map((i) => (
            <li key={i.id}>
              {i.metric} {i.raw}
              {(i.observations ?? []).map((o) => (
                <span key={o.id} className="hint">
                  {' '}
                  · 截至 {o.date}：{o.value}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(e) => void submit(e)} aria-label={`报送：${measure.text.slice(0, 20)}`}>
        <fieldset className="row">
          <legend>报送内容</legend>
          <label>
            <input
              type="radio"
              name={`kind-${measure.id}`}
              checked={kind === 'observation'}
              disabled={measure.indicators.length === 0}
              onChange={() => setKind('observation')}
            />
            实际值
          </label>
          <label>
            <input
              type="radio"
              name={`kind-${measure.id}`}
              checked={kind === 'progress'}
              onChange={() => setKind('progress')}
            />
            进展
          </label>
        </fieldset>
        {kind === 'observation' ? (
          <>
            <Field label="目标">
              {(c) => (
                <select {...c} value={form.indicatorId} onChange={set('indicatorId')}>
                  {measure.indicators.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.metric} {i.value ?? ''} {i.unit ?? ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="实际值"
              hint={annual ? '按目标的单位填写，只计当年' : '按目标的单位填写，自规划期开始累计'}
            >
              {(c) => (
                <input
                  {...c}
                  inputMode="decimal"
                  required
                  value={form.value}
                  onChange={set('value')}
                />
              )}
            </Field>
            {withBasis ? (
              <Field label="口径">
                {(c) => (
                  <select {...c} value={form.basis} onChange={set('basis')}>
                    {BASIS_OPTIONS.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
          </>
        ) : null}
        <Field label="截至日期">
          {(c) => <input {...c} type="date" required value={form.date} onChange={set('date')} />}
        </Field>
        {kind === 'observation' ? (
          <>
            <Field label="来源名称" hint="如：统计公报、部门通知">
              {(c) => <input {...c} required value={form.title} onChange={set('title')} />}
            </Field>
            <Field label="来源链接">
              {(c) => <input {...c} type="url" value={form.url} onChange={set('url')} />}
            </Field>
          </>
        ) : null}
        <Field label={kind === 'progress' ? '进展说明' : '备注'}>
          {(c) => (
            <textarea
              {...c}
              required={kind === 'progress'}
              value={form.note}
              onChange={set('note')}
            />
          )}
        </Field>
        <ErrorMessage error={error} />
        {done === '' ? null : (
          <p role="status" className="notice">
            {done}
          </p>
        )}
        <button type="submit" className="primary">
          提交审核
        </button>
      </form>
    </li>
  );
}
