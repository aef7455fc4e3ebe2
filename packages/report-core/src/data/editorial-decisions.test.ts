import { describe, expect, it } from 'vitest';
import { applyCommands } from '../edit/apply-command.js';
import { parseReportText } from '../parse/parse-report-text.js';
import {
  EDITORIAL_COMMANDS,
  EDITORIAL_DECISIONS,
  LESHAN_PARSE_OPTIONS,
} from './editorial-decisions.js';
import { EDITORIAL_NOTES } from './editorial-notes.js';
import { canonicalReport, sourceText } from './index.js';

describe('the editorial decisions', () => {
  const parsed = parseReportText(sourceText, LESHAN_PARSE_OPTIONS);

  it('turn the parsed source into the canonical report exactly', () => {
    const result = applyCommands(parsed.report, EDITORIAL_COMMANDS);
    expect(result.ok ? [] : result.error).toEqual([]);
    if (result.ok) expect(result.value.report).toEqual(canonicalReport);
  });

  it('each cite an editorial note of the canonical report', () => {
    const noteIds = new Set(canonicalReport.notes.map((n) => n.id));
    for (const decision of EDITORIAL_DECISIONS) expect(noteIds.has(decision.noteId)).toBe(true);
    expect(EDITORIAL_NOTES.map((n) => n.id)).toEqual(canonicalReport.notes.map((n) => n.id));
  });

  it('answer every error and warning the parser raises about the source lines', () => {
    const noted = new Set(
      canonicalReport.notes.flatMap((n) =>
        [...n.sourceLines, ...n.nodeIds.flatMap((id) => /^[msc](\d+)$/u.exec(id)?.[1] ?? [])].map(
          Number,
        ),
      ),
    );
    for (const d of parsed.diagnostics) {
      expect(
        d.lines.some((line) => noted.has(line)),
        `${d.code} at ${d.lines.join(',')}`,
      ).toBe(true);
    }
  });

  it('are needed: the parsed report alone breaks the report invariants', () => {
    expect(applyCommands(parsed.report, []).ok).toBe(false);
  });
});
