import type { Command } from '@leshan/report-core';
import type { OutlineItem } from './outline-model.js';

/** The command that moves `item` one place up (-1) or down (+1) among its siblings, if it can. */
export function stepCommand(item: OutlineItem, delta: -1 | 1): Command | null {
  const toIndex = item.index + delta;
  if (toIndex < 0 || toIndex >= item.siblings) return null;
  return placeCommand(item, item.parentId, toIndex);
}

/** The command that puts `item` at `toIndex` of `parentId`'s list (counted after taking it out). */
export function placeCommand(
  item: OutlineItem,
  parentId: string | null,
  toIndex: number,
): Command | null {
  switch (item.kind) {
    case 'chapter':
      return { type: 'chapter.move', id: item.id, toIndex };
    case 'section':
      return parentId === null
        ? null
        : { type: 'section.move', id: item.id, toChapterId: parentId, toIndex };
    case 'measure':
      return parentId === null
        ? null
        : { type: 'measure.move', id: item.id, toSectionId: parentId, toIndex };
    case 'meta':
      return null;
  }
}

/**
 * What dropping `dragged` on `target` means: onto a sibling of the same kind it takes that
 * sibling's place; a section dropped on a chapter (or a measure on a section) goes to its end.
 */
export function dropCommand(dragged: OutlineItem, target: OutlineItem): Command | null {
  if (dragged.id === target.id) return null;
  if (dragged.kind === target.kind) return placeCommand(dragged, target.parentId, target.index);
  const parentOf = { section: 'chapter', measure: 'section' } as const;
  if (
    (dragged.kind === 'section' || dragged.kind === 'measure') &&
    parentOf[dragged.kind] === target.kind
  ) {
    const toIndex =
      target.id === dragged.parentId ? target.childIds.length - 1 : target.childIds.length;
    return placeCommand(dragged, target.id, toIndex);
  }
  return null;
}
