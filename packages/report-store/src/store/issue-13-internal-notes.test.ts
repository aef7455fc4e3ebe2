import { canonicalReport } from '@leshan/report-core/data';
import { applyCommands } from '@leshan/report-core/edit';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppendRevisionInput } from '../index.js';
import { cleanUp, engines, freshStore } from '../../test/engines.js';
import { measures } from '../../test/measures.js';

// Issue 13 point 8: an internal editorial note is never published.

afterAll(cleanUp);

const measureId = measures(canonicalReport)[0]?.id ?? '';
const note = (id: string, visibility: 'internal' | 'public', reasoning: string) => ({
  id,
  kind: 'ambiguous',
  status: 'open',
  visibility,
  nodeIds: [measureId],
  sourceLines: [],
  reasoning,
});

function addNotes(baseRevision: number, commands: unknown[]): AppendRevisionInput<unknown> {
  return {
    baseRevision,
    author: 'u-editor',
    commands,
    apply: (current) => applyCommands(current, commands),
  };
}

describe.each(engines)('publishing with internal notes ($name)', (engine) => {
  it('publishes the public note and holds no internal note in the edition', async () => {
    const { store } = await freshStore(engine);
    const appended = await store.appendDraftRevision(
      addNotes(0, [
        { type: 'note.add', note: note('note-secret1', 'internal', '内部核实：数字待确认。') },
        { type: 'note.add', note: note('note-shown1', 'public', '公开说明：按原文保留。') },
      ]),
    );
    expect(appended.ok).toBe(true);
    const published = await store.publishDraft({ publishedBy: 'u-pub' });
    if (!published.ok) throw new Error(published.error.message.en);
    const edition = await store.getEdition(published.edition.id);
    const ids = edition?.report.notes.map((n) => n.id) ?? [];
    expect(ids).toContain('note-shown1');
    expect(ids).not.toContain('note-secret1');
    expect(JSON.stringify(edition?.report)).not.toContain('内部核实');
    // The draft keeps the internal note for its editors.
    expect((await store.getDraft())?.report.notes.map((n) => n.id)).toContain('note-secret1');
  });

  it('refuses as unchanged a draft that differs from the edition only by an internal note', async () => {
    const { store } = await freshStore(engine);
    await store.appendDraftRevision(
      addNotes(0, [{ type: 'note.add', note: note('note-secret2', 'internal', '仅供编辑参考。') }]),
    );
    const again = await store.publishDraft({ publishedBy: 'u-pub' });
    expect(again.ok || again.error.code).toBe('unchanged');
    expect((await store.listEditions()).map((e) => e.number)).toEqual([1]);
  });

  it('drops internal notes from a report published directly', async () => {
    const { store } = await freshStore(engine);
    const report = {
      ...canonicalReport,
      notes: [...canonicalReport.notes, note('note-secret3', 'internal', '内部讨论。')],
    };
    const published = await store.publishReport({ report, publishedBy: 'u-pub' });
    expect(published.ok || published.error.code).toBe('unchanged');
  });
});
