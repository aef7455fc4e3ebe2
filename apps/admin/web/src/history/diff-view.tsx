import { TRACKING_STATUS_LABELS } from '@leshan/report-core';
import type { DiffNodeKind, ReportDiff, TrackingChange } from '@leshan/report-core';
import { TextDiff } from './text-diff.js';

export const KIND_LABELS: Record<DiffNodeKind, string> = {
  meta: '报告信息',
  ideology: '指导思想',
  goal: '目标',
  chapter: '章',
  section: '节',
  measure: '举措',
  indicator: '指标',
  place: '地点',
  note: '编辑说明',
};

const FIELD_LABELS: Record<string, string> = {
  text: '文字',
  title: '标题',
  places: '地点',
  metric: '指标名称',
  value: '数值',
  unit: '单位',
  raw: '原文措辞',
  comparator: '比较',
  status: '状态',
  reasoning: '理由',
  kind: '类型',
  subject: '方面',
  target: '目标',
  number: '章号',
};

const show = (value: unknown): string =>
  value === undefined
    ? '（无）'
    : value === null
      ? '（空）'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
const status = (s: string | null): string =>
  s === null
    ? '尚未填报'
    : (TRACKING_STATUS_LABELS[s as keyof typeof TRACKING_STATUS_LABELS]?.zh ?? s);

function trackingLine(change: TrackingChange): string {
  switch (change.change) {
    case 'status':
      return `状态：${status(change.before)} → ${status(change.after)}`;
    case 'progress':
      return `进度：${change.before ?? '—'}% → ${change.after ?? '—'}%`;
    case 'update-added':
      return `新增进展记录（${change.update.date}）：${change.update.note}`;
    case 'update-removed':
      return `删除进展记录（${change.update.date}）：${change.update.note}`;
    case 'update-edited':
      return `修改进展记录 ${change.updateId} 的 ${change.field}：${show(change.before)} → ${show(change.after)}`;
  }
}

/** A report diff: what was added, removed, moved and edited, text changes highlighted by character. */
export function DiffView({ diff }: { diff: ReportDiff }) {
  const empty =
    diff.added.length +
      diff.removed.length +
      diff.moved.length +
      diff.edited.length +
      diff.tracking.length ===
    0;
  if (empty) return <p>两个版本的内容相同。</p>;
  return (
    <div className="diff">
      {diff.edited.length > 0 ? (
        <section aria-label="修改">
          <h3>修改（{diff.edited.length}）</h3>
          <ul>
            {diff.edited.map((e, i) => (
              <li key={`${e.id}-${e.field}-${i}`}>
                <p className="diff-head">
                  {KIND_LABELS[e.kind]} {e.id} · {FIELD_LABELS[e.field] ?? e.field}
                </p>
                {e.textDiff === undefined ? (
                  <p>
                    <del>{show(e.before)}</del> → <ins>{show(e.after)}</ins>
                  </p>
                ) : (
                  <p>
                    <TextDiff ops={e.textDiff} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.tracking.length > 0 ? (
        <section aria-label="落实情况">
          <h3>落实情况（{diff.tracking.length}）</h3>
          <ul>
            {diff.tracking.map((t, i) => (
              <li key={`${t.measureId}-${i}`}>
                举措 {t.measureId}：{trackingLine(t)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.added.length > 0 ? (
        <section aria-label="新增">
          <h3>新增（{diff.added.length}）</h3>
          <ul>
            {diff.added.map((a) => (
              <li key={a.id}>
                <ins>
                  {KIND_LABELS[a.kind]} {a.label ?? a.id}
                </ins>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.removed.length > 0 ? (
        <section aria-label="删除">
          <h3>删除（{diff.removed.length}）</h3>
          <ul>
            {diff.removed.map((r) => (
              <li key={r.id}>
                <del>
                  {KIND_LABELS[r.kind]} {r.label ?? r.id}
                </del>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.moved.length > 0 ? (
        <section aria-label="移动">
          <h3>移动（{diff.moved.length}）</h3>
          <ul>
            {diff.moved.map((m) => (
              <li key={m.id}>
                {KIND_LABELS[m.kind]} {m.id}：{m.from.parentId ?? '顶层'} 第 {m.from.index + 1} 位 →{' '}
                {m.to.parentId ?? '顶层'} 第 {m.to.index + 1} 位
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
