import { describe, expect, it } from 'vitest';
import { applyCommand } from '@leshan/report-core';
import { sampleReport } from '../testing/sample-report.js';
import { dropCommand, stepCommand } from './move-command.js';
import { META_ID, outlineItems, treeKeyAction, visibleItems } from './outline-model.js';

const report = sampleReport();
const items = outlineItems(report);
const item = (id: string) => {
  const found = items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
};

describe('outline model', () => {
  it('labels chapters by number and shows missing titles', () => {
    expect(items.map((i) => i.label).slice(0, 3)).toEqual([
      '报告信息、主要目标与指导思想',
      '第一章\u3000坚持工业强市，加快建设现代产业体系',
      '做强绿色硅产业',
    ]);
    expect(item('c-6').label).toBe('第二章\u3000（原文缺失标题）');
  });

  it('hides the children of collapsed items', () => {
    const visible = visibleItems(report, items, new Set(['c20']), '');
    expect(visible.map((i) => i.id)).toEqual([META_ID, 'c20', 's22', 'c-6']);
  });

  it('filters by measure text and keeps the ancestors', () => {
    const visible = visibleItems(report, items, new Set(), '高速公路');
    expect(visible.map((i) => i.id)).toEqual(['c-6', 's40', 'm42']);
  });

  it('follows the ARIA tree pattern for arrow keys', () => {
    const expanded = new Set(['c20']);
    const visible = visibleItems(report, items, expanded, '');
    expect(treeKeyAction('ArrowDown', 'c20', visible, expanded)).toEqual({ focus: 's22' });
    expect(treeKeyAction('ArrowRight', 's22', visible, expanded)).toEqual({ expand: 's22' });
    expect(treeKeyAction('ArrowRight', 'c20', visible, expanded)).toEqual({ focus: 's22' });
    expect(treeKeyAction('ArrowLeft', 's22', visible, expanded)).toEqual({ focus: 'c20' });
    expect(treeKeyAction('ArrowLeft', 'c20', visible, expanded)).toEqual({ collapse: 'c20' });
    expect(treeKeyAction('End', META_ID, visible, expanded)).toEqual({ focus: 'c-6' });
    expect(treeKeyAction('ArrowUp', META_ID, visible, expanded)).toBeNull();
  });

  it('moves a measure down with a command report-core accepts', () => {
    const command = stepCommand(item('m24'), 1);
    expect(command).toEqual({ type: 'measure.move', id: 'm24', toSectionId: 's22', toIndex: 1 });
    const moved = applyCommand(report, command);
    expect(
      moved.ok && moved.value.report.chapters[0]?.sections[0]?.measures.map((m) => m.id),
    ).toEqual(['m26', 'm24']);
    expect(stepCommand(item('m26'), 1)).toBeNull();
  });

  it('drops a measure on another section at its end, and on a sibling in its place', () => {
    expect(dropCommand(item('m24'), item('s40'))).toEqual({
      type: 'measure.move',
      id: 'm24',
      toSectionId: 's40',
      toIndex: 1,
    });
    expect(dropCommand(item('m26'), item('m24'))).toEqual({
      type: 'measure.move',
      id: 'm26',
      toSectionId: 's22',
      toIndex: 0,
    });
    expect(dropCommand(item('c20'), item('c-6'))).toEqual({
      type: 'chapter.move',
      id: 'c20',
      toIndex: 1,
    });
    expect(dropCommand(item('m24'), item('c20'))).toBeNull();
  });
});
