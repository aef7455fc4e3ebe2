import type { ChangeCounts, DiffNodeKind, DiffSummary, ReportDiff } from './diff-schema.js';
import { DiffNodeKindSchema } from './diff-schema.js';
import { NODE_KIND_LABELS } from '../labels/node-kind-labels.js';

// English count nouns; the Chinese names are the node-kind labels.
const EN_NOUNS: Record<DiffNodeKind, [string, string]> = {
  meta: ['metadata field set', 'metadata field sets'],
  ideology: ['ideology', 'ideologies'],
  goal: ['goal', 'goals'],
  chapter: ['chapter', 'chapters'],
  section: ['section', 'sections'],
  measure: ['measure', 'measures'],
  indicator: ['indicator', 'indicators'],
  observation: ['observed value', 'observed values'],
  department: ['department', 'departments'],
  place: ['place', 'places'],
  note: ['editorial note', 'editorial notes'],
};

const VERBS: readonly (readonly [keyof ChangeCounts, string, string])[] = [
  ['edited', '修改', 'edited'],
  ['added', '新增', 'added'],
  ['removed', '删除', 'removed'],
  ['moved', '移动', 'moved'],
];

function countChanges(diff: ReportDiff): Record<DiffNodeKind, ChangeCounts> {
  const counts = Object.fromEntries(
    DiffNodeKindSchema.options.map((k) => [k, { added: 0, removed: 0, moved: 0, edited: 0 }]),
  ) as Record<DiffNodeKind, ChangeCounts>;
  for (const c of diff.added) counts[c.kind].added += 1;
  for (const c of diff.removed) counts[c.kind].removed += 1;
  for (const c of diff.moved) counts[c.kind].moved += 1;
  // A node edited in three fields is one edited node.
  const edited = new Set<string>();
  for (const c of diff.edited) {
    if (edited.has(c.id)) continue;
    edited.add(c.id);
    counts[c.kind].edited += 1;
  }
  return counts;
}

/**
 * Counts of a diff and a short bilingual line, e.g.
 * “修改举措 3 项，新增 1 项 / 3 measures edited, 1 added”.
 */
export function summarizeDiff(diff: ReportDiff): DiffSummary {
  const counts = countChanges(diff);
  const zh: string[] = [];
  const en: string[] = [];
  let total = diff.tracking.length;
  for (const kind of DiffNodeKindSchema.options) {
    const noun = { zh: NODE_KIND_LABELS[kind].zh, en: EN_NOUNS[kind] };
    const zhParts: string[] = [];
    const enParts: string[] = [];
    for (const [key, zhVerb, enVerb] of VERBS) {
      const n = counts[kind][key];
      if (n === 0) continue;
      total += n;
      // The kind is named once: 修改举措 3 项，新增 1 项 / 3 measures edited, 1 added.
      zhParts.push(zhParts.length === 0 ? `${zhVerb}${noun.zh} ${n} 项` : `${zhVerb} ${n} 项`);
      enParts.push(
        enParts.length === 0 ? `${n} ${noun.en[n === 1 ? 0 : 1]} ${enVerb}` : `${n} ${enVerb}`,
      );
    }
    if (zhParts.length > 0) {
      zh.push(zhParts.join('，'));
      en.push(enParts.join(', '));
    }
  }
  if (diff.tracking.length > 0) {
    zh.push(`跟踪进展变化 ${diff.tracking.length} 项`);
    en.push(`${diff.tracking.length} tracking change${diff.tracking.length === 1 ? '' : 's'}`);
  }
  const message =
    total === 0 ? { zh: '无变化', en: 'no changes' } : { zh: zh.join('；'), en: en.join('; ') };
  return {
    counts,
    tracking: diff.tracking.length,
    total,
    message,
    text: `${message.zh} / ${message.en}`,
  };
}
