import type { MouseEvent } from 'react';
import { todayInShanghai } from '@leshan/report-core/labels';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { navigate, pathOf } from '../layout/router.js';
import { oversightSections } from './oversight-sections.js';
import type { OversightItem } from './oversight-sections.js';

/** A longer list starts folded, so one department's list does not hide the next. */
const OPEN_UP_TO = 10;

/**
 * 督办看板 (issue 18 point 5): by department, the measures with no update for six months, past
 * their deadline or delayed, and the targets behind — report-core's oversight(report, asOf) over
 * the draft — each linking to its editor view.
 */
export function OversightScreen() {
  const draft = useDraft();
  const { store } = useApp();
  if (draft.report === null) return <p role="status">{draft.message ?? '正在载入草稿…'}</p>;
  const asOf = todayInShanghai();
  const { sections: groups, totals } = oversightSections(draft.report, asOf);
  const open = (event: MouseEvent, item: OversightItem) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    store.openNode(item.measureId);
    navigate('edit');
    document.getElementById('main')?.focus();
  };
  return (
    <div className="oversight-screen">
      <h1>督办看板</h1>
      <p className="hint">
        截至 {asOf}
        ，按责任单位（牵头或参与）列出需要督办的举措和指标（依据草稿计算）。点击条目进入编辑。
      </p>
      <p className="oversight-totals">
        滞后的指标 {totals.behind} 项 · 已过完成时限 {totals.overdue} 项 · 状态为滞后{' '}
        {totals.delayed} 项 · 六个月未更新进展 {totals.stale} 项
      </p>
      {groups.length === 0 ? <p role="status">目前没有需要督办的举措或指标。</p> : null}
      {groups.map((group) => (
        <section
          key={group.key}
          className="oversight-group"
          aria-labelledby={`oversight-${group.key}`}
        >
          <h2 id={`oversight-${group.key}`}>{group.name}</h2>
          {group.lists.map((list) =>
            list.items.length === 0 ? null : (
              <details key={list.title} open={list.items.length <= OPEN_UP_TO}>
                <summary>
                  <h3>
                    {list.title}（{list.items.length}）
                  </h3>
                </summary>
                <ul>
                  {list.items.map((item) => (
                    <li key={item.key}>
                      <a href={pathOf('edit')} onClick={(e) => open(e, item)}>
                        {item.label}
                      </a>
                      {item.detail === null ? null : <span className="hint"> {item.detail}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            ),
          )}
        </section>
      ))}
    </div>
  );
}
