import type { Observation, Responsibility } from '../model/follow-up.js';
import type { Report } from '../model/report.js';
import type { CommandError } from './command-error.js';
import { duplicateId, refuse } from './command-error.js';
import type { Step } from './structure-ops.js';
import { locate, removeNode } from './structure-ops.js';
import { indexReport, withItem, withMeasure } from './tree.js';
import { quoteStart } from '../labels/describe-node.js';
import { findNode } from '../model/query.js';
import type { IndicatorPatch } from './patch-schemas.js';

// The commands of following the targets (issue 18) that are not plain list edits: a target's
// baseline value, a measure's responsibility, and removing a department measures still name.

function refused(id: string, zh: string, en: string): CommandError {
  return { code: 'invalid-target', id, message: { zh, en } };
}

/** The departments a responsibility names: its lead, then its co-responsible departments. */
export function namedDepartments(
  responsibility: { lead: string | null; co: readonly string[] } | undefined,
): string[] {
  if (responsibility === undefined) return [];
  return [...(responsibility.lead === null ? [] : [responsibility.lead]), ...responsibility.co];
}

/** The measures whose responsibility names department `id`, in document order. */
export function measuresNaming(report: Report, id: string): { id: string; text: string }[] {
  return report.chapters.flatMap((c) =>
    c.sections.flatMap((s) =>
      s.measures.filter((m) => namedDepartments(m.responsibility).includes(id)),
    ),
  );
}

/** Sets (null: removes) the observed baseline value of a target; refused when it has no baseline. */
export function setBaselineObservation(
  report: Report,
  indicatorId: string,
  observation: Observation | null,
): Step {
  const index = indexReport(report);
  const loc = locate(index, 'indicator', indicatorId);
  if (!loc.ok) return loc;
  if (observation !== null && index.has(observation.id)) return refuse(duplicateId(observation.id));
  let missing = false;
  const next = withItem(report, 'indicator', loc.value.path, (ind) => {
    if (ind.baseline === undefined) {
      missing = true;
      return ind;
    }
    const { observation: _old, ...rest } = ind.baseline;
    return { ...ind, baseline: observation === null ? rest : { ...rest, observation } };
  });
  if (missing)
    return refuse(
      refused(
        indicatorId,
        '该目标没有基期（如“较2020年”），不能记录基期值；请先在目标上填写基期',
        'this target has no baseline year, so it has no baseline value; set its baseline first',
      ),
    );
  return { ok: true, value: next };
}

/** Sets (null: removes) who answers for a measure; every department named must be in the list. */
export function setResponsibility(
  report: Report,
  measureId: string,
  responsibility: Responsibility | null,
): Step {
  const index = indexReport(report);
  const loc = locate(index, 'measure', measureId);
  if (!loc.ok) return loc;
  for (const id of namedDepartments(responsibility ?? undefined)) {
    const dept = locate(index, 'department', id);
    if (!dept.ok) return dept;
  }
  const next = withMeasure(report, loc.value.path, (measure) => {
    const { responsibility: _old, ...rest } = measure;
    return responsibility === null ? rest : { ...rest, responsibility };
  });
  return { ok: true, value: next };
}

/** Removes a department from the list; refused, naming the measures, while any measure names it. */
export function removeDepartment(report: Report, id: string): Step {
  const loc = locate(indexReport(report), 'department', id);
  if (!loc.ok) return loc;
  const naming = measuresNaming(report, id);
  if (naming.length > 0) {
    const name = report.departments?.find((d) => d.id === id)?.name ?? id;
    // The measures by their first words, never their ids (editors do not know m38).
    const words = naming.map((m) => quoteStart(m.text)).join('、');
    return refuse(
      refused(
        id,
        `“${name}”仍是举措${words}的牵头或责任单位，不能删除；请先修改这些举措的责任分工`,
        `"${name}" is still named as responsible by measures ${naming.map((m) => m.id).join(', ')}; change their responsibility first`,
      ),
    );
  }
  return removeNode(report, 'department', id);
}

/**
 * An indicator.update patch that rewrites a target's baseline (its year or wording) keeps the
 * baseline value recorded on it (baseline.set), unless the patch brings its own. Without this,
 * an edit of 较2020年 applied after another editor's baseline.set silently dropped the value, and
 * the two orders of non-conflicting edits gave different reports (change-keys property test).
 */
export function keepBaselineValue(
  report: Report,
  id: string,
  patch: IndicatorPatch,
): IndicatorPatch {
  const next = patch.baseline;
  if (next === undefined || next === null || next.observation !== undefined) return patch;
  const found = findNode(report, id);
  const kept = found?.kind === 'indicator' ? found.node.baseline?.observation : undefined;
  return kept === undefined ? patch : { ...patch, baseline: { ...next, observation: kept } };
}
