import type { Diagnostic } from './diagnostic.js';
import { diagnostic, quote } from './diagnostic.js';
import { splitSentences } from './classify-line.js';
import type { BodyItem } from './parse-chapters.js';

/** Items grouped by a key, in first-seen order; only groups of two or more. */
function groupsOf(
  items: readonly BodyItem[],
  keys: (item: BodyItem) => readonly string[],
): [string, BodyItem[]][] {
  const groups = new Map<string, BodyItem[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [item]);
      else group.push(item);
    }
  }
  return [...groups].filter(([, group]) => group.length > 1);
}

function where(group: readonly BodyItem[]): { zh: string; en: string; crossChapter: boolean } {
  const chapters = [...new Set(group.map((g) => g.chapterId))];
  const lines = group.map((g) => g.line);
  const zh = group.map((g) => `第${g.line}行（第${g.sourceChapter}章）`).join('、');
  const en = group.map((g) => `line ${g.line} (chapter ${g.sourceChapter})`).join(', ');
  return chapters.length > 1
    ? { zh, en, crossChapter: true }
    : {
        zh: `第${lines.join('、')}行（同在第${group[0]?.sourceChapter ?? ''}章）`,
        en: `lines ${lines.join(', ')} (all in chapter ${group[0]?.sourceChapter ?? ''})`,
        crossChapter: false,
      };
}

/**
 * Headings, measures and sentences that occur more than once. Items in `explained` (copies
 * inside a repeated block, reported there) are left out so each problem is reported once.
 */
export function findDuplicates(
  body: readonly BodyItem[],
  explained: ReadonlySet<number>,
): Diagnostic[] {
  const items = body.filter((_, i) => !explained.has(i));
  const headings = items.filter((item) => item.kind === 'heading');
  const measures = items.filter((item) => item.kind === 'measure');
  const out: Diagnostic[] = [];

  for (const [text, group] of groupsOf(headings, (item) => [item.text])) {
    const w = where(group);
    out.push(
      diagnostic(
        'duplicate-heading',
        'warning',
        {
          zh: `节标题“${quote(text)}”出现了${group.length}次：${w.zh}。请决定保留哪一处，删除或合并其余各处。`,
          en: `the section heading "${quote(text)}" occurs ${group.length} times: ${w.en}. Decide which one to keep and delete or merge the others.`,
        },
        group.map((g) => g.line),
        group.map((g) => g.nodeId),
      ),
    );
  }

  for (const [text, group] of groupsOf(measures, (item) => [item.text])) {
    const w = where(group);
    out.push(
      diagnostic(
        w.crossChapter ? 'sentence-in-two-chapters' : 'duplicate-sentence',
        'error',
        {
          zh: `举措“${quote(text)}”出现了${group.length}次：${w.zh}。同一举措只能出现一次：请决定它属于哪一处，删除其余各处。`,
          en: `the measure "${quote(text)}" occurs ${group.length} times: ${w.en}. A measure may appear only once: decide where it belongs and delete the other copies.`,
        },
        group.map((g) => g.line),
        group.map((g) => g.nodeId),
      ),
    );
  }

  // A sentence shared by paragraphs that differ as a whole (paragraph repeats are reported above).
  for (const [sentence, group] of groupsOf(measures, (item) => splitSentences(item.text))) {
    if (new Set(group.map((g) => g.text)).size < 2) continue;
    const w = where(group);
    out.push(
      diagnostic(
        w.crossChapter ? 'sentence-in-two-chapters' : 'duplicate-sentence',
        'warning',
        {
          zh: `句子“${quote(sentence)}”出现在${group.length}段不同的举措中：${w.zh}。请决定保留哪一处，从其余段落中删去这句。`,
          en: `the sentence "${quote(sentence)}" occurs in ${group.length} different measures: ${w.en}. Decide which to keep and remove the sentence from the others.`,
        },
        group.map((g) => g.line),
        group.map((g) => g.nodeId),
      ),
    );
  }
  return out;
}
