import { describeNode } from '../labels/describe-node.js';
import type { ReadonlyReport } from '../model/readonly.js';
import { pureInput } from '../model/pure-input.js';
import { fieldLabel } from '../labels/node-kind-labels.js';
import { EXISTS_FIELD, fieldOfKey, nodeIdOfKey } from './change-keys.js';
import { describeFollowUp } from './describe-follow-up.js';
import { indexReport } from './tree.js';

/** Fields written as one whose change is named by the node alone: an indicator, a note. */
const WHOLE_NODE_FIELDS = new Set(['value', 'body']);
/** Fields named in the order an editor reads a node; others follow alphabetically. */
const FIELD_ORDER = ['title', 'text', 'places', 'tracking', 'subject', 'target'];
const rank = (field: string): number => {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
};

/**
 * One Chinese phrase per change the keys name, in key order: `新增了 …`, `删除了 …` (only the
 * outermost node of an added or removed subtree), `移动了 …`, `修改了 … 的文字和地点`; an observed
 * value by its target, `为目标“高速公路”记录实际值 90 公里（截至 2024-12-31）`, a department by its
 * name, `新增了单位“市交通运输局”`. Nodes are
 * named by describeNode, in `after` (or `before` for a removal); keys that only need a node are skipped.
 */
export function describeChange(
  before: ReadonlyReport,
  after: ReadonlyReport,
  keys: readonly string[],
): string[] {
  const was = indexReport(pureInput(before));
  const is = indexReport(pureInput(after));
  const fields = new Map<string, string[]>();
  const order: string[] = [];
  for (const key of keys) {
    const id = nodeIdOfKey(key);
    const field = fieldOfKey(key);
    if (field === EXISTS_FIELD) continue;
    if (!fields.has(id)) {
      fields.set(id, []);
      order.push(id);
    }
    if (field !== null) fields.get(id)?.push(field);
  }
  const changedNodes = new Set(order);
  const phrases: string[] = [];
  for (const id of order) {
    const followUp = (): string | undefined =>
      describeFollowUp(pureInput(before), pureInput(after), id, fields.get(id) ?? []);
    const existed = id === before.id || was.has(id);
    const exists = id === after.id || is.has(id);
    if (existed && !exists) {
      // Inside a removed subtree: the outermost removal names it.
      if (!changedNodes.has(was.get(id)?.parentId ?? '') || is.has(was.get(id)?.parentId ?? ''))
        phrases.push(followUp() ?? `删除了 ${describeNode(before, id)}`);
      continue;
    }
    if (!existed && exists) {
      if (!changedNodes.has(is.get(id)?.parentId ?? '') || was.has(is.get(id)?.parentId ?? ''))
        phrases.push(followUp() ?? `新增了 ${describeNode(after, id)}`);
      continue;
    }
    if (!exists) continue;
    const said = followUp();
    if (said !== undefined) {
      phrases.push(said);
      continue;
    }
    const written = fields.get(id) ?? [];
    const named = describeNode(after, id);
    if (written.includes('position')) phrases.push(`移动了 ${named}`);
    const edited = written.filter((f) => f !== 'position');
    if (edited.length === 0) continue;
    if (edited.some((f) => WHOLE_NODE_FIELDS.has(f))) {
      phrases.push(`修改了 ${named}`);
      continue;
    }
    const ordered = [...edited].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const labels = [...new Set(ordered.map((f) => fieldLabel(f, 'zh')))];
    phrases.push(`修改了 ${named} 的${labels.join('和')}`);
  }
  return phrases;
}
