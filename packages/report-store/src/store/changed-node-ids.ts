import type { Report } from '@leshan/report-core/model';
import { diffReports } from '@leshan/report-core/edit';

/**
 * The node ids a whole-draft change (restore, import) touches, for conflict detection: every
 * node added, removed, moved or edited, the parents whose child lists changed, and measures
 * whose tracking changed. Mirrors what report-core's touchedNodeIds reports for commands.
 */
export function changedNodeIds(before: Report, after: Report): string[] {
  const diff = diffReports(before, after);
  const ids = new Set<string>();
  const parent = (id: string | null): void => {
    ids.add(id ?? after.id);
  };
  for (const change of [...diff.added, ...diff.removed]) {
    ids.add(change.id);
    parent(change.at.parentId);
  }
  for (const change of diff.moved) {
    ids.add(change.id);
    parent(change.from.parentId);
    parent(change.to.parentId);
  }
  for (const change of diff.edited) ids.add(change.id);
  for (const change of diff.tracking) {
    ids.add(change.measureId);
    if (change.change === 'update-added' || change.change === 'update-removed')
      ids.add(change.update.id);
    if (change.change === 'update-edited') ids.add(change.updateId);
  }
  return [...ids].sort();
}
