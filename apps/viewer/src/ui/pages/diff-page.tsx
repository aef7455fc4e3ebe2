import type { FieldEdit, ReportDiff, DiffSummary, TextOp } from '@leshan/report-core/edit';
import { TRACKING_STATUS_LABELS } from '@leshan/report-core';
import { fieldLabel, NODE_KIND_LABELS } from '@leshan/report-core/labels';
import type { Report } from '@leshan/report-core';
import { nodeLink, useView } from '@leshan/report-views';
import type { ReactNode } from 'react';
import type { EditionSummary } from '../../schemas.js';
import { usePage } from '../context.js';

/** A character diff: removed characters struck through, added ones underlined, as text. */
export function TextDiff({ ops }: { ops: readonly TextOp[] }) {
  return (
    <p className="text-diff" lang="zh-CN">
      {ops.map((op, i) => {
        switch (op.op) {
          case 'equal':
            return <span key={i}>{op.text}</span>;
          case 'delete':
            return <del key={i}>{op.text}</del>;
          case 'insert':
            return <ins key={i}>{op.text}</ins>;
        }
      })}
    </p>
  );
}

const show = (value: unknown): string =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

function Edit({ edit, report }: { edit: FieldEdit; report: Report }) {
  const { lang } = usePage();
  const { links } = useView();
  const href = nodeLink(report, edit.id, links);
  return (
    <li>
      <span className="tag">{NODE_KIND_LABELS[edit.kind][lang]}</span>{' '}
      {href === undefined ? edit.id : <a href={href}>{edit.id}</a>} · {fieldLabel(edit.field, lang)}
      {edit.textDiff === undefined ? (
        <p className="text-diff" lang="zh-CN">
          <del>{show(edit.before)}</del> → <ins>{show(edit.after)}</ins>
        </p>
      ) : (
        <TextDiff ops={edit.textDiff} />
      )}
    </li>
  );
}

/** What changed between two editions, with character-level highlighting of edited text. */
export function DiffPage({
  from,
  to,
  diff,
  summary,
  report,
}: {
  from: EditionSummary;
  to: EditionSummary;
  diff: ReportDiff;
  summary: DiffSummary;
  report: Report;
}) {
  const { t, pick, lang, link } = usePage();
  const { links } = useView();
  const section = (id: string, title: string, count: number, body: ReactNode) =>
    count === 0 ? null : (
      <section aria-labelledby={id}>
        <h2 id={id}>
          {title}（{count}）
        </h2>
        {body}
      </section>
    );
  return (
    <>
      <h1>
        {t.edition(from.number)} → {t.edition(to.number)}
      </h1>
      <p className="lede">{summary.message[lang]}</p>
      <p>
        <a href={link('/editions')}>{pick('返回版本列表', 'Back to editions')}</a>
      </p>
      {summary.total === 0 && (
        <p>{pick('两个版本的内容完全相同。', 'The two editions have the same content.')}</p>
      )}
      {section(
        'diff-edited',
        pick('修改', 'Edited'),
        diff.edited.length,
        <ul className="diff-list">
          {diff.edited.map((e, i) => (
            <Edit key={`${e.id}-${e.field}-${i}`} edit={e} report={report} />
          ))}
        </ul>,
      )}
      {section(
        'diff-added',
        pick('新增', 'Added'),
        diff.added.length,
        <ul className="diff-list">
          {diff.added.map((a) => (
            <li key={a.id}>
              <span className="tag">{NODE_KIND_LABELS[a.kind][lang]}</span>{' '}
              <ins lang="zh-CN">{a.label ?? a.id}</ins>
            </li>
          ))}
        </ul>,
      )}
      {section(
        'diff-removed',
        pick('删除', 'Removed'),
        diff.removed.length,
        <ul className="diff-list">
          {diff.removed.map((r) => (
            <li key={r.id}>
              <span className="tag">{NODE_KIND_LABELS[r.kind][lang]}</span>{' '}
              <del lang="zh-CN">{r.label ?? r.id}</del>
            </li>
          ))}
        </ul>,
      )}
      {section(
        'diff-moved',
        pick('移动', 'Moved'),
        diff.moved.length,
        <ul className="diff-list">
          {diff.moved.map((m) => (
            <li key={m.id}>
              <span className="tag">{NODE_KIND_LABELS[m.kind][lang]}</span> {m.id}：
              {m.from.parentId ?? '—'} #{m.from.index + 1} → {m.to.parentId ?? '—'} #
              {m.to.index + 1}
            </li>
          ))}
        </ul>,
      )}
      {section(
        'diff-tracking',
        pick('进展变化', 'Progress changes'),
        diff.tracking.length,
        <ul className="diff-list">
          {diff.tracking.map((c, i) => {
            const href = nodeLink(report, c.measureId, links);
            const where = href === undefined ? c.measureId : <a href={href}>{c.measureId}</a>;
            switch (c.change) {
              case 'status':
                return (
                  <li key={i}>
                    {where} · {pick('状态', 'status')}：
                    {c.before === null ? '—' : TRACKING_STATUS_LABELS[c.before][lang]} →{' '}
                    {c.after === null ? '—' : TRACKING_STATUS_LABELS[c.after][lang]}
                  </li>
                );
              case 'progress':
                return (
                  <li key={i}>
                    {where} · {pick('进度', 'progress')}：{c.before ?? '—'} → {c.after ?? '—'}
                  </li>
                );
              case 'update-added':
                return (
                  <li key={i}>
                    {where} · {pick('新增进展', 'update added')}：
                    <ins lang="zh-CN">
                      {c.update.date} {c.update.note}
                    </ins>
                  </li>
                );
              case 'update-removed':
                return (
                  <li key={i}>
                    {where} · {pick('删除进展', 'update removed')}：
                    <del lang="zh-CN">
                      {c.update.date} {c.update.note}
                    </del>
                  </li>
                );
              case 'update-edited':
                return (
                  <li key={i}>
                    {where} · {c.updateId} · <code>{c.field}</code>：<del>{show(c.before)}</del> →{' '}
                    <ins>{show(c.after)}</ins>
                  </li>
                );
            }
          })}
        </ul>,
      )}
    </>
  );
}
