import type { BodyItem } from './parse-chapters.js';

/**
 * Body items from a compact script for the duplicate checks' tests: `#3` opens chapter 3 (taking no line),
 * `标题` (no 。) is a heading, `举措。` a measure. Items sit on every other line, as in the source.
 */
export function bodyItems(script: readonly string[]): BodyItem[] {
  const out: BodyItem[] = [];
  let chapter = 1;
  let line = 1;
  for (const entry of script) {
    if (entry.startsWith('#')) {
      chapter = Number(entry.slice(1));
      continue;
    }
    line += 2;
    const kind = entry.endsWith('。') ? 'measure' : 'heading';
    out.push({
      kind,
      line,
      text: entry,
      nodeId: `${kind === 'measure' ? 'm' : 's'}${line}`,
      chapterId: `c${chapter}`,
      sourceChapter: chapter,
    });
  }
  return out;
}
