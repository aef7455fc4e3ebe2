import type { Report } from '@leshan/report-core';
import { chapterHeading, displayTitle } from '@leshan/report-core/labels';

export type OutlineKind = 'meta' | 'chapter' | 'section' | 'measure';

export interface OutlineItem {
  id: string;
  kind: OutlineKind;
  label: string;
  level: number;
  parentId: string | null;
  index: number;
  siblings: number;
  childIds: string[];
}

/** The id of the outline's first item: the report's title, goals and guiding ideology. */
export const META_ID = '__meta__';

const clip = (text: string, max = 48): string =>
  Array.from(text).length > max ? `${Array.from(text).slice(0, max).join('')}…` : text;

/** Every outline item in document order (chapters → sections → measures). */
export function outlineItems(report: Report): OutlineItem[] {
  const items: OutlineItem[] = [
    {
      id: META_ID,
      kind: 'meta',
      label: '报告信息、主要目标与指导思想',
      level: 1,
      parentId: null,
      index: 0,
      siblings: 1,
      childIds: [],
    },
  ];
  report.chapters.forEach((chapter, c) => {
    items.push({
      id: chapter.id,
      kind: 'chapter',
      label: chapterHeading(chapter, report),
      level: 1,
      parentId: null,
      index: c,
      siblings: report.chapters.length,
      childIds: chapter.sections.map((s) => s.id),
    });
    chapter.sections.forEach((section, s) => {
      items.push({
        id: section.id,
        kind: 'section',
        label: displayTitle(section.title, report, section.id),
        level: 2,
        parentId: chapter.id,
        index: s,
        siblings: chapter.sections.length,
        childIds: section.measures.map((m) => m.id),
      });
      section.measures.forEach((measure, m) => {
        items.push({
          id: measure.id,
          kind: 'measure',
          label: clip(measure.text),
          level: 3,
          parentId: section.id,
          index: m,
          siblings: section.measures.length,
          childIds: [],
        });
      });
    });
  });
  return items;
}

/**
 * The items a person sees: children of collapsed items are hidden. With a filter, only
 * items whose text contains it (and their ancestors, opened) are shown.
 */
export function visibleItems(
  report: Report,
  items: readonly OutlineItem[],
  expanded: ReadonlySet<string>,
  filter: string,
): OutlineItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const needle = filter.trim();
  if (needle === '') {
    return items.filter((item) => ancestors(item, byId).every((a) => expanded.has(a)));
  }
  const fullText = new Map<string, string>();
  for (const chapter of report.chapters) {
    for (const section of chapter.sections)
      for (const measure of section.measures) fullText.set(measure.id, measure.text);
  }
  const keep = new Set<string>();
  for (const item of items) {
    const text = fullText.get(item.id) ?? item.label;
    if (text.includes(needle) || item.id === needle) {
      keep.add(item.id);
      for (const a of ancestors(item, byId)) keep.add(a);
    }
  }
  return items.filter((item) => keep.has(item.id));
}

function ancestors(item: OutlineItem, byId: ReadonlyMap<string, OutlineItem>): string[] {
  const out: string[] = [];
  let parent = item.parentId === null ? undefined : byId.get(item.parentId);
  while (parent !== undefined) {
    out.push(parent.id);
    parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
  }
  return out;
}

export type TreeKey = 'ArrowDown' | 'ArrowUp' | 'ArrowRight' | 'ArrowLeft' | 'Home' | 'End';

export type TreeAction = { focus: string } | { expand: string } | { collapse: string } | null;

/** The ARIA tree pattern's arrow-key behaviour over the visible items. */
export function treeKeyAction(
  key: TreeKey,
  current: string,
  visible: readonly OutlineItem[],
  expanded: ReadonlySet<string>,
): TreeAction {
  const at = visible.findIndex((item) => item.id === current);
  const item = visible[at];
  if (item === undefined) return visible[0] === undefined ? null : { focus: visible[0].id };
  const open = expanded.has(item.id) && item.childIds.length > 0;
  switch (key) {
    case 'ArrowDown':
      return visible[at + 1] === undefined ? null : { focus: visible[at + 1]?.id ?? item.id };
    case 'ArrowUp':
      return at === 0 ? null : { focus: visible[at - 1]?.id ?? item.id };
    case 'Home':
      return { focus: visible[0]?.id ?? item.id };
    case 'End':
      return { focus: visible[visible.length - 1]?.id ?? item.id };
    case 'ArrowRight':
      if (item.childIds.length === 0) return null;
      if (!expanded.has(item.id)) return { expand: item.id };
      return { focus: item.childIds[0] ?? item.id };
    case 'ArrowLeft':
      if (open) return { collapse: item.id };
      return item.parentId === null ? null : { focus: item.parentId };
  }
}
