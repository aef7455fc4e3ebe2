import type { MergeItem } from '@leshan/report-core';
import { noteLabel } from '@leshan/report-core/labels';
import { TextDiff } from '../history/text-diff.js';
import { useDraft } from '../layout/use-draft.js';

export type Decision = 'accept' | 'reject';
export type Decisions = Record<string, Decision>;

const GROUPS: { kind: MergeItem['kind']; title: string; empty: string }[] = [
  { kind: 'changed', title: '文字有改动', empty: '没有改动的文字。' },
  { kind: 'new', title: '新增', empty: '没有新增的内容。' },
  { kind: 'removed', title: '新原文中已没有', empty: '没有被删去的举措。' },
  { kind: 'moved', title: '移到了别的小节', empty: '没有移动的举措。' },
];
const NODE_LABEL: Record<string, string> = {
  measure: '举措',
  section: '小节',
  chapter: '章',
  ideology: '指导思想',
};

/** The decisions an editor starts from: accept, except where curated data is at stake. */
export function initialDecisions(items: readonly MergeItem[]): Decisions {
  const out: Decisions = {};
  for (const item of items)
    if (item.kind !== 'unchanged' && !item.needsDecision) out[item.key] = 'accept';
  return out;
}

export function undecided(items: readonly MergeItem[], decisions: Decisions): MergeItem[] {
  return items.filter(
    (i) => i.kind !== 'unchanged' && i.needsDecision && decisions[i.key] === undefined,
  );
}

function Curated({ item }: { item: Extract<MergeItem, { kind: 'removed' }> }) {
  const c = item.curated;
  const { report } = useDraft();
  // Notes by their labels (编辑说明三), never their ids (issue 19).
  const notes = c.notes.map((id) => (report === null ? null : noteLabel(report, id)) ?? '编辑说明');
  const parts = [
    c.indicators.length > 0
      ? `${c.indicators.length} 个目标（${c.indicators.map((i) => i.raw).join('、')}）`
      : null,
    c.places.length > 0 ? `${c.places.length} 个地点标记` : null,
    c.updates > 0 ? `${c.updates} 条进展记录` : null,
    c.status !== null || c.progress !== null
      ? `跟踪状态${c.progress === null ? '' : `（进度 ${c.progress}%）`}`
      : null,
    notes.length > 0 ? notes.join('、') : null,
    c.observations > 0 ? `${c.observations} 个实际值或基期值` : null,
    c.responsibility ? '责任分工（责任单位、完成时限、年度节点）' : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return <p className="hint">没有编辑整理的数据。</p>;
  return (
    <p className="curated-warning">
      <strong>接受删除将一并删去：</strong>
      {parts.join('；')}
    </p>
  );
}

function ItemBody({ item }: { item: MergeItem }) {
  switch (item.kind) {
    case 'changed':
      return (
        <>
          <p className="merge-diff">
            <TextDiff ops={item.ops} />
          </p>
          {item.invalidated.indicators.length > 0 ? (
            <p className="curated-warning">
              <strong>新文字中已没有以下目标的原文，接受改动将删去这些目标：</strong>
              {item.invalidated.indicators.map((i) => `“${i.raw}”`).join('、')}
            </p>
          ) : null}
          {item.invalidated.places.length > 0 ? (
            <p className="hint">
              新文字不再提到地点 {item.invalidated.places.join('、')}：地点标记保留，请核对。
            </p>
          ) : null}
        </>
      );
    case 'new':
      return (
        <p>
          {item.text === '' ? '（无标题）' : item.text}
          <span className="hint">
            {' '}
            · 新编号 {item.id}，放在 {item.parentId} 中
          </span>
        </p>
      );
    case 'removed':
      return (
        <>
          <p>{item.text}</p>
          <Curated item={item} />
        </>
      );
    case 'moved':
      return (
        <p>
          从 {item.fromSectionId} 移到 {item.toSectionId}
        </p>
      );
    case 'unchanged':
      return null;
  }
}

function Choice({
  item,
  value,
  onChange,
}: {
  item: MergeItem;
  value: Decision | undefined;
  onChange: (d: Decision) => void;
}) {
  const name = `decision-${item.key}`;
  return (
    <fieldset className="merge-choice">
      <legend className="visually-hidden">对 {item.id} 的选择</legend>
      {(['accept', 'reject'] as const).map((d) => (
        <label key={d} className="check">
          <input type="radio" name={name} checked={value === d} onChange={() => onChange(d)} />
          {d === 'accept' ? '接受' : item.kind === 'removed' ? '拒绝（保留该举措）' : '拒绝'}
        </label>
      ))}
      {item.kind !== 'unchanged' && item.needsDecision && value === undefined ? (
        <span className="tag needs-choice">请选择</span>
      ) : null}
    </fieldset>
  );
}

/** Every item of the proposal, grouped, each with accept / reject. */
export function MergeReview({
  items,
  decisions,
  onDecide,
}: {
  items: readonly MergeItem[];
  decisions: Decisions;
  onDecide: (key: string, decision: Decision) => void;
}) {
  return (
    <>
      {GROUPS.map((group) => {
        const list = items.filter((i) => i.kind === group.kind);
        return (
          <section key={group.kind} className="merge-group" aria-labelledby={`merge-${group.kind}`}>
            <h3 id={`merge-${group.kind}`}>
              {group.title}（{list.length}）
            </h3>
            {list.length === 0 ? <p className="hint">{group.empty}</p> : null}
            <ul className="merge-items">
              {list.map((item) => (
                <li key={item.key} className={`merge-item merge-${item.kind}`} data-key={item.key}>
                  <div className="merge-head">
                    <span className="tag">{NODE_LABEL[item.nodeType] ?? item.nodeType}</span>{' '}
                    <code>{item.id}</code>
                    {'lines' in item && item.lines.length > 0 ? (
                      <span className="hint"> · 第 {item.lines.join('、')} 行</span>
                    ) : null}
                  </div>
                  <ItemBody item={item} />
                  <Choice
                    item={item}
                    value={decisions[item.key]}
                    onChange={(d) => onDecide(item.key, d)}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
