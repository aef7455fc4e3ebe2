import type { Observation } from '../model/follow-up.js';
import type { Report } from '../model/report.js';
import { BASELINE_VALUE_FIELD } from './command-effect.js';
import { indexReport, locatedNode } from './tree.js';

// How describeChange names the changes of following the targets (issue 18): observed values
// by their target, value and date; departments by their name; a baseline value by its target.

const amount = (value: number, unit: string): string =>
  unit === '' || unit === '%' ? `${value}${unit}` : `${value} ${unit}`;

function observationOf(report: Report, id: string) {
  const index = indexReport(report);
  const loc = index.get(id);
  const observation = locatedNode(report, loc, 'observation');
  const indicator = locatedNode(report, index.get(loc?.parentId ?? ''), 'indicator');
  return observation === undefined || indicator === undefined
    ? undefined
    : { observation, indicator };
}

const valueWords = (o: Observation, unit: string): string =>
  `${amount(o.value, unit)}（截至 ${o.date}）`;

/**
 * The phrase for a change to an observation or a department `id`, or undefined when `id` is
 * neither (describeChange then names it as any node). `fields` are the fields written.
 */
export function describeFollowUp(
  before: Report,
  after: Report,
  id: string,
  fields: readonly string[],
): string | undefined {
  const was = indexReport(before).get(id);
  const is = indexReport(after).get(id);
  const kind = is?.kind ?? was?.kind;
  if (kind === 'observation') {
    const old = observationOf(before, id);
    const now = observationOf(after, id);
    if (now !== undefined && old === undefined)
      return `为目标“${now.indicator.metric}”记录实际值 ${valueWords(now.observation, now.indicator.unit)}`;
    if (now === undefined && old !== undefined)
      return `删除了目标“${old.indicator.metric}”的实际值 ${valueWords(old.observation, old.indicator.unit)}`;
    if (now !== undefined)
      return `修改了目标“${now.indicator.metric}”的实际值，现为 ${valueWords(now.observation, now.indicator.unit)}`;
    return undefined;
  }
  if (kind === 'department') {
    const old = locatedNode(before, was, 'department');
    const now = locatedNode(after, is, 'department');
    if (now !== undefined && old === undefined) return `新增了单位“${now.name}”`;
    if (now === undefined && old !== undefined) return `删除了单位“${old.name}”`;
    if (now !== undefined && old !== undefined)
      return old.name === now.name
        ? `修改了单位“${now.name}”`
        : `将单位“${old.name}”改名为“${now.name}”`;
    return undefined;
  }
  if (kind === 'indicator' && fields.length === 1 && fields[0] === BASELINE_VALUE_FIELD) {
    const indicator = locatedNode(after, is, 'indicator');
    if (indicator === undefined) return undefined;
    const value = indicator.baseline?.observation;
    return value === undefined
      ? `删除了目标“${indicator.metric}”的基期值`
      : `为目标“${indicator.metric}”记录基期值 ${valueWords(value, indicator.unit)}`;
  }
  return undefined;
}
