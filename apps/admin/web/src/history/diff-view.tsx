import { fieldLabel, NODE_KIND_LABELS, trackingStatusLabel } from '@leshan/report-core/labels';
import type { LabelledKind } from '@leshan/report-core/labels';
import type { ReportDiff, TrackingChange } from '@leshan/report-core';
import { TextDiff } from './text-diff.js';

const show = (value: unknown): string =>
  value === undefined
    ? '（无）'
    : value === null
      ? '（空）'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

/** How editors name a node: the server's words for it (report-core describeNode), never its id. */
type NameOf = (id: string | null, kind?: LabelledKind) => string;
const namer =
  (labels: Readonly<Record<string, string>>): NameOf =>
  (id, kind) =>
    id === null
      ? '报告顶层'
      : (labels[id] ?? (kind === undefined ? '原位置' : `一个${NODE_KIND_LABELS[kind].zh}`));

function trackingLine(change: TrackingChange): string {
  switch (change.change) {
    case 'status':
      return `状态：${trackingStatusLabel(change.before).zh} → ${trackingStatusLabel(change.after).zh}`;
    case 'progress':
      return `进度：${change.before ?? '—'}% → ${change.after ?? '—'}%`;
    case 'update-added':
      return `新增进展记录（${change.update.date}）：${change.update.note}`;
    case 'update-removed':
      return `删除进展记录（${change.update.date}）：${change.update.note}`;
    case 'update-edited':
      return `修改进展记录的${fieldLabel(change.field, 'zh')}：${show(change.before)} → ${show(change.after)}`;
  }
}

/** A report diff: what was added, removed, moved and edited, text changes highlighted by character. */
export function DiffView({
  diff,
  labels = {},
}: {
  diff: ReportDiff;
  labels?: Readonly<Record<string, string>>;
}) {
  const name = namer(labels);
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
                  {name(e.id, e.kind)} · {fieldLabel(e.field, 'zh')}
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
                {name(t.measureId, 'measure')}：{trackingLine(t)}
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
                <ins>{labels[a.id] ?? `${NODE_KIND_LABELS[a.kind].zh} ${a.label ?? ''}`}</ins>
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
                <del>{labels[r.id] ?? `${NODE_KIND_LABELS[r.kind].zh} ${r.label ?? ''}`}</del>
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
                {name(m.id, m.kind)}：{name(m.from.parentId)} 第 {m.from.index + 1} 位 →{' '}
                {name(m.to.parentId)} 第 {m.to.index + 1} 位
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
