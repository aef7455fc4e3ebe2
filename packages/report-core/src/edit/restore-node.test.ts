import { describe, expect, it } from 'vitest';
import type { ReadonlyReport } from '../model/readonly.js';
import { canonicalReport } from '../data/index.js';
import { applyCommands } from './apply-command.js';
import type { Command } from './command-schema.js';
import { restoreNodeCommands } from './restore-node.js';
import { smallReport } from './small-report.fixture.js';

function apply(report: ReadonlyReport, commands: readonly Command[]): ReadonlyReport {
  const applied = applyCommands(report, commands);
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
  return applied.value.report;
}

describe('restoreNodeCommands', () => {
  it('re-adds a deleted measure with its indicators, updates and note references', () => {
    const from = smallReport();
    const current = apply(from, [
      { type: 'measure.remove', id: 'm1' },
      { type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } },
    ]);
    const commands = restoreNodeCommands(current, from, 'm1');
    expect(commands.map((c) => c.type)).toEqual(['measure.add']);
    const restored = apply(current, commands);
    const measure = restored.chapters[0]?.sections[0]?.measures[0];
    expect(measure).toEqual(from.chapters[0]?.sections[0]?.measures[0]);
    expect(restored.notes).toEqual(from.notes);
    // The other editor's change to the neighbour is kept.
    expect(restored.chapters[0]?.sections[0]?.measures[1]?.text).toBe('建设乐山新港。');
    expect(restoreNodeCommands(restored, from, 'm1')).toEqual([]);
  });

  it('re-adds a measure whose section is gone too, with the section', () => {
    const from = smallReport();
    const current = apply(from, [{ type: 'section.remove', id: 's2' }]);
    expect(apply(current, restoreNodeCommands(current, from, 'm3'))).toEqual(from);
  });

  it('restores the text only when only the text changed', () => {
    const from = canonicalReport;
    const current = apply(from, [
      {
        type: 'measure.update',
        id: 'm38',
        patch: { text: `${from.chapters[0]?.sections[0]?.measures[0]?.text ?? ''}另加一句。` },
      },
      { type: 'measure.update', id: 'm40', patch: { places: [] } },
    ]);
    const commands = restoreNodeCommands(current, from, 'm38');
    expect(commands).toEqual([
      {
        type: 'measure.update',
        id: 'm38',
        patch: { text: from.chapters[0]?.sections[0]?.measures[0]?.text },
      },
    ]);
    const restored = apply(current, commands);
    expect(restored.chapters[0]?.sections[0]?.measures[0]).toEqual(
      from.chapters[0]?.sections[0]?.measures[0],
    );
    expect(restoreNodeCommands(restored, from, 'm40')).not.toEqual([]);
  });

  it('puts back indicators and progress updates of an existing measure', () => {
    const from = smallReport();
    const current = apply(from, [
      { type: 'indicator.remove', id: 'm1-t2' },
      {
        type: 'indicator.update',
        id: 'm1-t1',
        patch: { value: 5, baseline: { year: 2020, raw: '较2020年' } },
      },
      { type: 'progress.remove', id: 'u1' },
    ]);
    expect(apply(current, restoreNodeCommands(current, from, 'm1'))).toEqual(from);
  });

  it('removes a node the older report did not have, and restores titles, notes and meta', () => {
    const from = smallReport();
    const current = apply(from, [
      {
        type: 'measure.add',
        sectionId: 's1',
        measure: {
          id: 'm9',
          text: '新举措。',
          indicators: [],
          places: [],
          tracking: { status: null, progress: null, updates: [] },
        },
      },
      { type: 'chapter.update', id: 'c1', patch: { title: '新标题' } },
      {
        type: 'note.update',
        id: 'note-1',
        patch: { reasoning: '改过了。', originalText: '原文。' },
      },
      { type: 'meta.update', patch: { subtitle: '副标题' } },
    ]);
    for (const id of ['m9', 'c1', 'note-1', 'test-report']) {
      const commands = restoreNodeCommands(current, from, id);
      expect(commands.length, id).toBeGreaterThan(0);
    }
    const all = ['m9', 'c1', 'note-1', 'test-report'].flatMap((id) =>
      restoreNodeCommands(current, from, id),
    );
    expect(apply(current, all)).toEqual(from);
  });
});
