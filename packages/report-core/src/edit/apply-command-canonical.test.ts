import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { applyCommand } from './apply-command.js';
import type { Command } from './command-schema.js';
import { invertCommand } from './invert-command.js';

describe('applyCommand and invertCommand on the canonical report', () => {
  it('removes the subtitle of the canonical report and puts it back', () => {
    const command: Command = { type: 'meta.update', patch: { subtitle: null } };
    const result = applyCommand(canonicalReport, command);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.report.meta).not.toHaveProperty('subtitle');
    expect(
      applyCommand(result.value.report, invertCommand(canonicalReport, command)),
    ).toStrictEqual({
      ok: true,
      value: {
        report: canonicalReport,
        touched: [canonicalReport.id],
        keys: [`${canonicalReport.id}/subtitle`],
      },
    });
  });

  it('removes a canonical chapter and restores it with the notes that named its nodes', () => {
    const chapter = canonicalReport.chapters[5];
    if (chapter === undefined) throw new Error('canonical report has fewer than 6 chapters');
    const command: Command = { type: 'chapter.remove', id: chapter.id };
    const result = applyCommand(canonicalReport, command);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.report.chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const undone = applyCommand(result.value.report, invertCommand(canonicalReport, command));
    expect(undone.ok && undone.value.report).toStrictEqual(canonicalReport);
  });
});
