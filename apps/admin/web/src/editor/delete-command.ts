import { findNode } from '@leshan/report-core';
import type { Command, Report } from '@leshan/report-core';
import type { OutlineItem } from './outline-model.js';

export function deleteCommand(item: OutlineItem): Command | null {
  switch (item.kind) {
    case 'chapter':
      return { type: 'chapter.remove', id: item.id };
    case 'section':
      return { type: 'section.remove', id: item.id };
    case 'measure':
      return { type: 'measure.remove', id: item.id };
    case 'meta':
      return null;
  }
}

/** What a deletion takes with it, said before the editor confirms. */
export function describeDeletion(report: Report, item: OutlineItem): string {
  const found = findNode(report, item.id);
  const tail = '删除后可以点击“撤销”恢复。';
  if (found?.kind === 'chapter') {
    const measures = found.node.sections.reduce((n, s) => n + s.measures.length, 0);
    return `确定删除“${item.label}”及其中的 ${found.node.sections.length} 节、${measures} 项举措吗？${tail}`;
  }
  if (found?.kind === 'section')
    return `确定删除节“${item.label}”及其中的 ${found.node.measures.length} 项举措吗？${tail}`;
  if (found?.kind === 'measure') {
    return `确定删除举措“${item.label}”吗？它的 ${found.node.indicators.length} 个指标和 ${found.node.tracking.updates.length} 条进展记录也会删除。${tail}`;
  }
  return tail;
}
