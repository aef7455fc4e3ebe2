import type { Message } from '../model/message.js';
import type { ReadonlyReport } from '../model/readonly.js';
import { describeNode } from './describe-node.js';
import { lacksTitleInSource } from './missing-title.js';
import { noteVisibility } from '../model/note.js';
import { chineseChapterNumber } from './chapter-heading.js';
import { readerJargon } from './reader-words.js';

/** The kinds of publish-checklist warning (empty chapter or section, status missing, half-width punctuation). */
export type ChecklistWarningCode =
  | 'empty-chapter'
  | 'empty-section'
  | 'updates-without-status'
  | 'half-width-punctuation'
  | 'ids-in-public-text';

/** Something an editor should look at before publishing; it does not stop the publish. */
export interface ChecklistWarning {
  code: ChecklistWarningCode;
  nodeId: string;
  /** describeNode: how the editor knows the node. */
  label: string;
  message: Message;
}

const HAN = '\\p{Script=Han}';
const HALF_WIDTH = '[,.;:?!()]';
// A half-width mark touching a Han character on either side (3.5 or a URL is left alone).
const HALF_WIDTH_NEXT_TO_HAN = new RegExp(`${HAN}${HALF_WIDTH}|${HALF_WIDTH}${HAN}`, 'gu');
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  '.': '。',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** The half-width marks next to Chinese characters in a text, each once, in order. */
export function halfWidthPunctuation(text: string): string[] {
  const marks = new Set<string>();
  for (const match of text.matchAll(HALF_WIDTH_NEXT_TO_HAN))
    for (const ch of match[0]) if (ch in FULL_WIDTH) marks.add(ch);
  return [...marks];
}

/**
 * The publish checklist's warnings: empty chapters and sections, measures with progress updates
 * but no status, half-width punctuation (, . ; : ? ! ( )) next to Chinese characters, and internal
 * ids or 第3章 in public notes and progress updates (readerJargon). A node a
 * missing-in-source note names is not empty by mistake.
 */
export function checklistWarnings(report: ReadonlyReport): ChecklistWarning[] {
  const out: ChecklistWarning[] = [];
  const warn = (code: ChecklistWarningCode, nodeId: string, message: Message): void => {
    out.push({ code, nodeId, label: describeNode(report, nodeId), message });
  };
  const punctuation = (nodeId: string, text: string | null): void => {
    const marks = text === null ? [] : halfWidthPunctuation(text);
    if (marks.length === 0) return;
    const fix = marks.map((m) => `“${m}”改为“${FULL_WIDTH[m] ?? m}”`).join('，');
    warn('half-width-punctuation', nodeId, {
      zh: `中文里用了半角标点 ${marks.join(' ')}：请把${fix}`,
      en: `half-width punctuation ${marks.join(' ')} in Chinese text: use the full-width forms`,
    });
  };
  // Issue 19: readers know 第三章 and a measure's words, never m128 or 第3章.
  const jargon = (nodeId: string, text: string): void => {
    const { ids, arabicChapters } = readerJargon(report, text);
    if (ids.length === 0 && arabicChapters.length === 0) return;
    const fixes = [
      ...ids.map((id) => `“${id}”改为${describeNode(report, id)}`),
      ...arabicChapters.map((c) => {
        const n = Number(/\d+/u.exec(c)?.[0]);
        return `“${c}”改为“第${chineseChapterNumber(n)}章”`;
      }),
    ];
    warn('ids-in-public-text', nodeId, {
      zh: `公开的文字里有读者看不懂的内部编号或阿拉伯数字章号：请把${fixes.join('，')}`,
      en: `public text uses internal ids or Arabic chapter numbers: ${[...ids, ...arabicChapters].join(', ')}`,
    });
  };
  for (const note of report.notes)
    if (noteVisibility(note) === 'public') jargon(note.id, note.reasoning);
  punctuation(report.ideology.id, report.ideology.text);
  for (const goal of report.goals) punctuation(goal.id, `${goal.subject}${goal.target}`);
  for (const chapter of report.chapters) {
    punctuation(chapter.id, chapter.title);
    if (chapter.sections.length === 0 && !lacksTitleInSource(report, chapter.id))
      warn('empty-chapter', chapter.id, {
        zh: '这一章没有任何节：请添加节和举措，或删除这一章',
        en: 'this chapter has no sections: add sections and measures, or remove it',
      });
    for (const section of chapter.sections) {
      punctuation(section.id, section.title);
      // A section the source has without measures is explained by its missing-in-source note.
      if (section.measures.length === 0 && !lacksTitleInSource(report, section.id))
        warn('empty-section', section.id, {
          zh: '这一节没有任何举措：请添加举措，或删除这一节（原文缺失的请加编辑说明）',
          en: 'this section has no measures: add measures or remove it (note it if the source lacks them)',
        });
      for (const measure of section.measures) {
        punctuation(measure.id, measure.text);
        if (measure.tracking.updates.length > 0 && measure.tracking.status === null)
          warn('updates-without-status', measure.id, {
            zh: '这条举措有进展记录但没有状态：请在最新的进展记录里选择状态',
            en: 'this measure has progress updates but no status: choose one in its latest update',
          });
        for (const update of measure.tracking.updates) {
          punctuation(update.id, update.note);
          jargon(update.id, update.note);
        }
      }
    }
  }
  return out;
}
