import { useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import type { Command, Report } from '@leshan/report-core';
import { dropCommand, stepCommand } from './move-command.js';
import { outlineItems, treeKeyAction, visibleItems } from './outline-model.js';
import type { OutlineItem, TreeKey } from './outline-model.js';

interface OutlineTreeProps {
  report: Report;
  selectedId: string;
  onSelect: (id: string) => void;
  canEdit: boolean;
  onMove: (command: Command, label: string) => void;
  onDelete: (item: OutlineItem) => void;
}

const TREE_KEYS = new Set<string>([
  'ArrowDown',
  'ArrowUp',
  'ArrowRight',
  'ArrowLeft',
  'Home',
  'End',
]);

/**
 * The report as an ARIA tree: one tab stop (roving tabindex), arrow keys move and open,
 * Alt+↑/↓ reorder, Delete removes, drag and drop moves. Selection follows focus.
 */
export function OutlineTree({
  report,
  selectedId,
  onSelect,
  canEdit,
  onMove,
  onDelete,
}: OutlineTreeProps) {
  const items = useMemo(() => outlineItems(report), [report]);
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(report.chapters.flatMap((c) => [c.id, ...c.sections.map((s) => s.id)])),
  );
  const [filter, setFilter] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const focusPending = useRef(false);
  const visible = useMemo(
    () => visibleItems(report, items, expanded, filter),
    [report, items, expanded, filter],
  );
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const active = visible.some((i) => i.id === selectedId) ? selectedId : (visible[0]?.id ?? '');

  // Open the selected node's ancestors when the selection changes, so picking it elsewhere reveals
  // it here; only then, so that collapsing a chapter by hand sticks. Adjusted while rendering, from
  // the selection last revealed (https://react.dev/learn/you-might-not-need-an-effect).
  const [revealed, setRevealed] = useState<string | null>(null);
  if (revealed !== selectedId) {
    setRevealed(selectedId);
    const missing: string[] = [];
    for (let parent = byId.get(selectedId)?.parentId ?? null; parent !== null;) {
      if (!expanded.has(parent)) missing.push(parent);
      parent = byId.get(parent)?.parentId ?? null;
    }
    if (missing.length > 0) setExpanded((old) => new Set([...old, ...missing]));
  }

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    refs.current.get(active)?.focus();
  });

  const focus = (id: string) => {
    focusPending.current = true;
    onSelect(id);
  };

  const toggle = (id: string, open: boolean) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent, item: OutlineItem) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const command = canEdit ? stepCommand(item, event.key === 'ArrowUp' ? -1 : 1) : null;
      if (command !== null) {
        focusPending.current = true;
        onMove(command, event.key === 'ArrowUp' ? '上移' : '下移');
      }
      return;
    }
    if (TREE_KEYS.has(event.key)) {
      event.preventDefault();
      const action = treeKeyAction(event.key as TreeKey, item.id, visible, expanded);
      if (action === null) return;
      if ('focus' in action) focus(action.focus);
      else if ('expand' in action) toggle(action.expand, true);
      else toggle(action.collapse, false);
      return;
    }
    if (event.key === 'Delete' && canEdit && item.kind !== 'meta') {
      event.preventDefault();
      onDelete(item);
    }
  };

  const dropTarget = (target: OutlineItem): Command | null => {
    const source = dragged === null ? undefined : byId.get(dragged);
    return source === undefined ? null : dropCommand(source, target);
  };

  const dragProps = (item: OutlineItem) =>
    !canEdit || item.kind === 'meta'
      ? {}
      : {
          draggable: true,
          onDragStart: (event: DragEvent) => {
            event.dataTransfer.setData('text/plain', item.id);
            event.dataTransfer.effectAllowed = 'move';
            setDragged(item.id);
          },
          onDragEnd: () => setDragged(null),
          onDragOver: (event: DragEvent) => {
            if (dropTarget(item) !== null) event.preventDefault();
          },
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            const command = dropTarget(item);
            setDragged(null);
            if (command !== null) onMove(command, '拖动调整位置');
          },
        };

  return (
    <section className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">报告大纲</h2>
      <div className="field">
        <label htmlFor="outline-filter">筛选大纲</label>
        <input
          id="outline-filter"
          type="search"
          value={filter}
          placeholder="输入文字或编号"
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <p className="hint" id="outline-help">
        方向键移动，→ 展开，← 收起{canEdit ? '；Alt+↑/↓ 调整顺序，Delete 删除，也可拖动' : ''}。
      </p>
      {visible.length === 0 ? <p role="status">没有符合“{filter}”的内容。</p> : null}
      <ul
        className="tree"
        role="tree"
        aria-labelledby="outline-heading"
        aria-describedby="outline-help"
      >
        {visible.map((item) => {
          const hasChildren = item.childIds.length > 0;
          const open = hasChildren && (expanded.has(item.id) || filter.trim() !== '');
          const droppable = dragged !== null && dropTarget(item) !== null;
          return (
            <li
              key={item.id}
              ref={(el) => {
                if (el === null) refs.current.delete(item.id);
                else refs.current.set(item.id, el);
              }}
              role="treeitem"
              aria-level={item.level}
              aria-setsize={
                item.kind === 'meta' || item.kind === 'chapter'
                  ? report.chapters.length + 1
                  : item.siblings
              }
              aria-posinset={item.kind === 'chapter' ? item.index + 2 : item.index + 1}
              aria-selected={item.id === selectedId}
              aria-expanded={hasChildren ? open : undefined}
              tabIndex={item.id === active ? 0 : -1}
              className={`tree-item level-${item.level} kind-${item.kind}${item.id === selectedId ? ' selected' : ''}${droppable ? ' drop-ok' : ''}`}
              data-id={item.id}
              onClick={() => focus(item.id)}
              onKeyDown={(e) => onKeyDown(e, item)}
              {...dragProps(item)}
            >
              <span
                className="twisty"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  if (hasChildren) toggle(item.id, !open);
                }}
              >
                {hasChildren ? (open ? '▾' : '▸') : ''}
              </span>
              {item.label}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
