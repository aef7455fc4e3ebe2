import type { Goal, Ideology } from '../model/report.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic, quote } from './diagnostic.js';
import { endsSentence, isSubtitle, readBlockLabel } from './classify-line.js';
import { isSpeakerLine } from './read-metadata.js';
import type { SourceLine } from './source-line.js';

export interface FrontMatter {
  title: SourceLine | undefined;
  subtitle: SourceLine | undefined;
  scope: SourceLine | undefined;
  /** Who delivers the report (成都市市长 王凤朝): read for the issuer. */
  speaker: SourceLine | undefined;
  goals: Goal[];
  ideology: Ideology | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Reads what precedes the first chapter: title, ——subtitle——, scope line, the 主要目标 block
 * (subject and target on two lines, or on one line split by a colon) and the 指导思想 paragraph.
 */
export function parseFrontMatter(lines: readonly SourceLine[]): FrontMatter {
  const out: FrontMatter = {
    title: undefined,
    subtitle: undefined,
    scope: undefined,
    speaker: undefined,
    goals: [],
    ideology: undefined,
    diagnostics: [],
  };
  let phase: 'head' | 'goals' | 'ideology' = 'head';
  const goalLines: SourceLine[] = [];
  const ideologyLines: number[] = [];
  const ideologyParts: string[] = [];

  for (const line of lines) {
    const label = readBlockLabel(line.text);
    if (label?.kind === 'goals') {
      phase = 'goals';
      continue;
    }
    if (label?.kind === 'ideology') {
      phase = 'ideology';
      ideologyLines.push(line.line);
      if (label.rest !== undefined) ideologyParts.push(label.rest);
      continue;
    }
    switch (phase) {
      case 'head':
        if (out.subtitle === undefined && isSubtitle(line.text)) out.subtitle = line;
        else if (out.title === undefined) out.title = line;
        else if (isSpeakerLine(line.text)) out.speaker ??= line;
        else if (out.scope === undefined && isScopeLine(line.text)) out.scope = line;
        else out.diagnostics.push(unrecognised(line, '标题区', 'the title block'));
        break;
      case 'goals':
        goalLines.push(line);
        break;
      case 'ideology':
        ideologyLines.push(line.line);
        ideologyParts.push(line.text);
        break;
    }
  }

  let pending: SourceLine | undefined;
  for (const line of goalLines) {
    const oneLine = /^(.+?)\s*[：:]\s*(.+)$/u.exec(line.text);
    if (pending === undefined && oneLine !== null) {
      out.goals.push(goal(line.line, oneLine[1] ?? '', oneLine[2] ?? '', [line.line]));
    } else if (pending === undefined) {
      pending = line;
    } else {
      out.goals.push(goal(pending.line, pending.text, line.text, [pending.line, line.line]));
      pending = undefined;
    }
  }
  if (pending !== undefined)
    out.diagnostics.push(
      unrecognised(
        pending,
        '主要目标（缺少与之配对的目标）',
        'the main goals (no target to pair it with)',
      ),
    );

  if (ideologyParts.length > 0) {
    // A paragraph wrapped over several lines reads as one; Chinese joins without spaces.
    out.ideology = {
      id: 'ideology',
      text: ideologyParts.join(''),
      provenance: { lines: ideologyLines },
    };
  }
  return out;
}

function goal(line: number, subject: string, target: string, lines: number[]): Goal {
  return { id: `g${line}`, subject, target, provenance: { lines } };
}

function unrecognised(line: SourceLine, whereZh: string, whereEn: string): Diagnostic {
  return diagnostic(
    'unrecognised-line',
    'warning',
    {
      zh: `第${line.line}行“${quote(line.text)}”位于${whereZh}，无法识别，未收入报告：请决定把它放在哪里或删除。`,
      en: `line ${line.line} "${quote(line.text)}" in ${whereEn} was not recognised and is not in the report: decide where it belongs or delete it.`,
    },
    [line.line],
  );
}

/** A short line that names a part of the report (今后五年工作), not a greeting or a paragraph. */
function isScopeLine(text: string): boolean {
  return text.length <= 30 && !endsSentence(text) && !/[：:，,]$/u.test(text);
}
