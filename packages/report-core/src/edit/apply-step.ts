import type { Report } from '../model/report.js';
import type { Command } from './command-schema.js';
import {
  rederiveTracking,
  setTracking,
  updateGoal,
  updateListNode,
  applyPatch,
} from './field-ops.js';
import {
  keepBaselineValue,
  removeDepartment,
  setBaselineObservation,
  setResponsibility,
} from './follow-up-ops.js';
import { indexReport, locatedNode } from './tree.js';
import { REMOVABLE_FIELDS } from './patch-schemas.js';
import type { Step } from './structure-ops.js';
import { addNode, moveNode, removeNode } from './structure-ops.js';

/**
 * Applies one parsed command without validating the result: the structural checks only
 * (ids exist and are of the right kind, new ids are fresh, positions are in range).
 */
export function applyStep(report: Report, c: Command): Step {
  switch (c.type) {
    case 'chapter.add':
      return addNode(report, {
        kind: 'chapter',
        parentId: null,
        node: c.chapter,
        index: c.index,
        refs: c.restoreNoteRefs,
      });
    case 'section.add':
      return addNode(report, {
        kind: 'section',
        parentId: c.chapterId,
        node: c.section,
        index: c.index,
        refs: c.restoreNoteRefs,
      });
    case 'measure.add':
      return addNode(report, {
        kind: 'measure',
        parentId: c.sectionId,
        node: c.measure,
        index: c.index,
        refs: c.restoreNoteRefs,
      });
    case 'indicator.add':
      return addNode(report, {
        kind: 'indicator',
        parentId: c.measureId,
        node: c.indicator,
        index: c.index,
        refs: c.restoreNoteRefs,
      });
    case 'progress.add': {
      const added = addNode(report, {
        kind: 'update',
        parentId: c.measureId,
        node: c.update,
        index: c.index,
        refs: c.restoreNoteRefs,
      });
      return added.ok
        ? { ok: true, value: rederiveTracking(added.value, c.measureId, undefined, false) }
        : added;
    }
    case 'note.add':
      return addNode(report, {
        kind: 'note',
        parentId: null,
        node: c.note,
        index: c.index,
        refs: c.restoreNoteRefs,
      });
    case 'observation.add':
      return addNode(report, {
        kind: 'observation',
        parentId: c.indicatorId,
        node: c.observation,
        index: c.index,
        refs: undefined,
      });
    case 'department.add':
      return addNode(report, {
        kind: 'department',
        parentId: null,
        node: c.department,
        index: c.index,
        refs: undefined,
      });
    case 'observation.remove':
      return removeNode(report, 'observation', c.id);
    case 'department.remove':
      return removeDepartment(report, c.id);
    case 'observation.update':
      return updateListNode(report, 'observation', c.id, c.patch, REMOVABLE_FIELDS.observation);
    case 'department.update':
      return updateListNode(report, 'department', c.id, c.patch);
    case 'baseline.set':
      return setBaselineObservation(report, c.indicatorId, c.observation);
    case 'responsibility.set':
      return setResponsibility(report, c.measureId, c.responsibility);
    case 'chapter.remove':
      return removeNode(report, 'chapter', c.id);
    case 'section.remove':
      return removeNode(report, 'section', c.id);
    case 'measure.remove':
      return removeNode(report, 'measure', c.id);
    case 'indicator.remove':
      return removeNode(report, 'indicator', c.id);
    case 'progress.remove': {
      const loc = indexReport(report).get(c.id);
      const removed = removeNode(report, 'update', c.id);
      if (!removed.ok || loc?.parentId == null) return removed;
      const update = locatedNode(report, loc, 'update');
      const fallback = c.restoreTracking;
      return {
        ok: true,
        value: rederiveTracking(
          removed.value,
          loc.parentId,
          fallback,
          update?.status !== undefined,
        ),
      };
    }
    case 'note.remove':
      return removeNode(report, 'note', c.id);
    case 'chapter.move':
      return moveNode(report, 'chapter', c.id, null, c.toIndex);
    case 'section.move':
      return moveNode(report, 'section', c.id, c.toChapterId, c.toIndex);
    case 'measure.move':
      return moveNode(report, 'measure', c.id, c.toSectionId, c.toIndex);
    case 'indicator.move':
      return moveNode(report, 'indicator', c.id, null, c.toIndex);
    case 'chapter.update':
      return updateListNode(report, 'chapter', c.id, c.patch);
    case 'section.update':
      return updateListNode(report, 'section', c.id, c.patch);
    case 'measure.update':
      return updateListNode(report, 'measure', c.id, c.patch);
    case 'indicator.update':
      return updateListNode(
        report,
        'indicator',
        c.id,
        keepBaselineValue(report, c.id, c.patch),
        REMOVABLE_FIELDS.indicator,
      );
    case 'note.update':
      return updateListNode(report, 'note', c.id, c.patch, REMOVABLE_FIELDS.note);
    case 'tracking.set':
      return setTracking(report, c.measureId, { status: c.status, progress: c.progress });
    case 'goal.update':
      return updateGoal(report, c.id, c.patch);
    case 'ideology.update':
      return { ok: true, value: { ...report, ideology: applyPatch(report.ideology, c.patch) } };
    case 'meta.update':
      return {
        ok: true,
        value: { ...report, meta: applyPatch(report.meta, c.patch, REMOVABLE_FIELDS.meta) },
      };
  }
}
