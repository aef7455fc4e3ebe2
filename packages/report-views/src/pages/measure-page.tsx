/** @jsxRuntime automatic */
import type { ReactNode } from 'react';
import { findNode, NOTE_KIND_LABELS, TRACKING_STATUS_LABELS } from '@leshan/report-core';
import type {
  DeepReadonly,
  EditorialNote,
  Indicator,
  Measure,
  ReadonlyReport,
} from '@leshan/report-core';
import { formatQuantity, formatTarget } from '@leshan/report-core/indicators';
import {
  chapterLabel,
  commitmentLabel,
  commitmentOf,
  formatAchievement,
  formatAttainment,
  formatDate,
  noteLabel,
  observationBasisLabel,
  quoteStart,
  verdictLabel,
} from '@leshan/report-core/labels';
import type { AttainmentPeriod } from '@leshan/report-core/model';
import { targetAttainment } from '@leshan/report-core/model';
import { MeasureText } from '../components/measure-text.js';
import { ObservationChart } from '../components/observation-chart.js';
import { ProgressBar } from '../components/progress-bar.js';
import { NodeTitle } from '../components/title.js';
import { NoteCorrection, UpdateFacts } from '../components/update-facts.js';
import { useView } from '../context.js';

/** What a measure page is given: the report, the measure, and what the host puts at its end. */
export interface MeasurePageProps {
  report: ReadonlyReport;
  measure: DeepReadonly<Measure>;
  /** Rendered at the very end of the page (the viewer's 我要纠错 form; the preview has none). */
  footer?: ReactNode;
}

/** A dated line of the measure's timeline: a progress update or an observed value of a target. */
interface TimelineItem {
  key: string;
  date: string;
  body: ReactNode;
}

/** The latest day anything was reported on the measure: an update or an observed value. */
export function measureLastUpdated(measure: DeepReadonly<Measure>): string | undefined {
  const dates = [
    ...measure.tracking.updates.map((u) => u.date),
    ...measure.indicators.flatMap((i) => (i.observations ?? []).map((o) => o.date)),
  ];
  return dates.reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
}

/**
 * The editorial notes that touch a measure: those naming it, one of its targets or updates, or
 * the section it stands in (a section moved or repaired moves its measures with it).
 */
export function notesOfMeasure(
  report: ReadonlyReport,
  measure: DeepReadonly<Measure>,
): DeepReadonly<EditorialNote>[] {
  const found = findNode(report, measure.id);
  const ids = new Set<string>([
    measure.id,
    ...measure.indicators.map((i) => i.id),
    ...measure.tracking.updates.map((u) => u.id),
    ...(found?.kind === 'measure' ? [found.section.id] : []),
  ]);
  return report.notes.filter((n) => n.nodeIds.some((id) => ids.has(id)));
}

function TargetBlock({
  indicator,
  period,
}: {
  indicator: DeepReadonly<Indicator>;
  period: AttainmentPeriod;
}) {
  const { lang, pick } = useView();
  const attainment = targetAttainment(indicator, period);
  const achieved = formatAchievement(indicator, attainment);
  const verdict = verdictLabel(attainment.verdict)[lang];
  return (
    <section className="target-block" aria-labelledby={`${indicator.id}-h`}>
      <h3 id={`${indicator.id}-h`} lang="zh-CN">
        {indicator.metric}
      </h3>
      <p className="target-goal">
        {pick('目标', 'Target')}：<span lang="zh-CN">{formatTarget(indicator)}</span>
        {indicator.baseline !== undefined && <span lang="zh-CN">（{indicator.baseline.raw}）</span>}
        {commitmentOf(indicator) !== 'unstated' && (
          <span className="tag">{commitmentLabel(indicator, lang)}</span>
        )}
      </p>
      <p className="target-attainment">
        {achieved === undefined ? (
          <span className={`verdict verdict-${attainment.verdict}`}>
            {formatAttainment(attainment)[lang]}
          </span>
        ) : (
          <>
            <strong className="achieved">{achieved}</strong>{' '}
            <span className={`verdict verdict-${attainment.verdict}`}>{verdict}</span>
            {attainment.asOf !== null && (
              <span className="as-of">
                {' '}
                {pick('截至', 'as of')}{' '}
                <time dateTime={attainment.asOf}>{formatDate(attainment.asOf)}</time>
              </span>
            )}
          </>
        )}
      </p>
      {(indicator.observations ?? []).length > 0 ? (
        <ObservationChart indicator={indicator} period={period} id={`${indicator.id}-chart`} />
      ) : (
        <p className="empty">
          {pick('尚无实际值，暂无图表。', 'No observed value yet: no chart.')}
        </p>
      )}
    </section>
  );
}

function Timeline({ measure }: { measure: DeepReadonly<Measure> }) {
  const { t, lang, pick } = useView();
  const items: TimelineItem[] = [
    ...measure.tracking.updates.map((u) => ({
      key: u.id,
      date: u.date,
      body: <UpdateFacts update={u} />,
    })),
    ...measure.indicators.flatMap((i) =>
      (i.observations ?? []).map((o) => ({
        key: o.id,
        date: o.date,
        body: (
          <>
            <span lang="zh-CN">{i.metric}</span>
            {pick('：实际值', ': observed')} {formatQuantity(o.value, i.unit)}（
            {observationBasisLabel(o.basis)[lang]}）{pick('，来源：', ', source: ')}
            {o.source.url === undefined ? (
              <span lang="zh-CN">{o.source.title}</span>
            ) : (
              <a href={o.source.url} rel="nofollow noopener noreferrer" lang="zh-CN">
                {o.source.title}
              </a>
            )}
            {o.note !== undefined && <span lang="zh-CN"> {o.note}</span>}
          </>
        ),
      })),
    ),
  ].sort((a, b) => b.date.localeCompare(a.date) || b.key.localeCompare(a.key));
  if (items.length === 0) return <p className="empty">{t.notReported}</p>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.key}>
          <time dateTime={item.date}>{formatDate(item.date)}</time>
          <div>{item.body}</div>
        </li>
      ))}
    </ol>
  );
}

function Responsibility({
  report,
  measure,
}: {
  report: ReadonlyReport;
  measure: DeepReadonly<Measure>;
}) {
  const { pick } = useView();
  const r = measure.responsibility;
  const nameOf = (id: string): string =>
    report.departments?.find((d) => d.id === id)?.name ??
    pick('（单位已撤销）', '(department removed)');
  const none = pick('尚未公布', 'not published yet');
  return (
    <dl className="measure-facts responsibility">
      <dt>{pick('牵头单位', 'Lead department')}</dt>
      <dd lang="zh-CN">{r?.lead == null ? none : nameOf(r.lead)}</dd>
      <dt>{pick('责任单位', 'Also responsible')}</dt>
      <dd lang="zh-CN">
        {r === undefined || r.co.length === 0 ? none : r.co.map(nameOf).join('、')}
      </dd>
      <dt>{pick('完成时限', 'Deadline')}</dt>
      <dd>
        {r?.deadline == null ? none : <time dateTime={r.deadline}>{formatDate(r.deadline)}</time>}
      </dd>
      <dt>{pick('年度节点', 'Milestones')}</dt>
      <dd>
        {r === undefined || r.milestones.length === 0 ? (
          none
        ) : (
          <ul className="milestones">
            {[...r.milestones]
              .sort((a, b) => a.year - b.year)
              .map((m) => (
                <li key={m.id}>
                  {m.year}
                  {pick('年', '')}：<span lang="zh-CN">{m.text}</span>{' '}
                  <span className={m.done ? 'status status-completed' : 'status'}>
                    {m.done ? pick('已完成', 'done') : pick('未完成', 'not yet')}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

function NoteItem({ report, note }: { report: ReadonlyReport; note: DeepReadonly<EditorialNote> }) {
  const { links, lang, pick } = useView();
  const label = noteLabel(report, note.id) ?? pick('编辑说明', 'Editorial note');
  const href = links.note(note.id);
  return (
    <li className="note">
      <p>
        <strong>
          {href === undefined ? label : <a href={href}>{label}</a>} ·{' '}
          {NOTE_KIND_LABELS[note.kind][lang]}
        </strong>
      </p>
      <NoteCorrection note={note} />
      <p lang="zh-CN">{note.reasoning}</p>
    </li>
  );
}

/** One measure on a page of its own (issue 19): text, targets, progress, who, when, notes. */
export function MeasurePage({ report, measure, footer }: MeasurePageProps) {
  const { t, links, lang, pick } = useView();
  const found = findNode(report, measure.id);
  const chapter = found?.kind === 'measure' ? found.chapter : undefined;
  const section = found?.kind === 'measure' ? found.section : undefined;
  const { status, progress } = measure.tracking;
  const last = measureLastUpdated(measure);
  const notes = notesOfMeasure(report, measure);
  const feed = links.measureFeed(measure.id);
  const words = quoteStart(measure.text, 20).slice(1, -1);
  return (
    <article className="measure-page" aria-labelledby={`${measure.id}-h`}>
      <nav className="breadcrumb" aria-label={pick('当前位置', 'Breadcrumb')}>
        <ol>
          <li>
            <a href={links.home()}>{t.home}</a>
          </li>
          {chapter !== undefined && (
            <li>
              <a href={links.chapter(chapter.number)}>
                {chapterLabel(chapter.number)[lang]} <span lang="zh-CN">{chapter.title ?? ''}</span>
              </a>
            </li>
          )}
          {chapter !== undefined && section !== undefined && (
            <li>
              <a href={links.chapter(chapter.number, section.id)}>
                <NodeTitle report={report} nodeId={section.id} title={section.title} />
              </a>
            </li>
          )}
          <li aria-current="page" lang="zh-CN">
            {words}
          </li>
        </ol>
      </nav>
      <h1 id={`${measure.id}-h`} lang="zh-CN">
        {words}
      </h1>
      <MeasureText text={measure.text} indicators={measure.indicators} />
      <div className="measure-status">
        <p>
          {status === null ? (
            <span className="badge badge-none">{t.notReported}</span>
          ) : (
            <span className={`badge badge-${status}`}>{TRACKING_STATUS_LABELS[status][lang]}</span>
          )}
          {progress !== null && <span className="progress-figure">{t.progress(progress)}</span>}
          <span className="last-updated">
            {pick('最后更新：', 'Last updated: ')}
            {last === undefined ? (
              pick('暂无', 'never')
            ) : (
              <time dateTime={last}>{formatDate(last)}</time>
            )}
          </span>
        </p>
        {progress !== null && <ProgressBar value={progress} />}
      </div>

      {measure.indicators.length > 0 && (
        <section aria-labelledby="targets-h">
          <h2 id="targets-h">{pick('量化指标完成情况', 'Targets and attainment')}</h2>
          {measure.indicators.map((i) => (
            <TargetBlock key={i.id} indicator={i} period={report.meta.period} />
          ))}
        </section>
      )}

      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t.updates}</h2>
        <Timeline measure={measure} />
      </section>

      <section aria-labelledby="who-h">
        <h2 id="who-h">{pick('责任单位与时限', 'Who and by when')}</h2>
        <Responsibility report={report} measure={measure} />
      </section>

      {notes.length > 0 && (
        <section aria-labelledby="notes-h">
          <h2 id="notes-h">{pick('编辑说明', 'Editorial notes')}</h2>
          <p className="counts">
            {pick(
              '编辑整理原文时对这项举措或它所在的一节作了以下处理：',
              'What the editors did to this measure, or to its section, in preparing the source:',
            )}
          </p>
          <ul className="measure-notes">
            {notes.map((n) => (
              <NoteItem key={n.id} report={report} note={n} />
            ))}
          </ul>
        </section>
      )}

      <p className="share measure-share">
        {chapter !== undefined && (
          <a href={links.chapter(chapter.number, measure.id)}>
            {pick('在本章中查看', 'See it in its chapter')}
          </a>
        )}
        {feed !== undefined && (
          <>
            {' · '}
            <a href={feed} type="application/atom+xml">
              {pick('订阅本条进展（Atom）', 'Progress feed of this measure (Atom)')}
            </a>
          </>
        )}
      </p>
      {footer}
    </article>
  );
}
