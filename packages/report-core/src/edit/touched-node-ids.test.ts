import { describe, expect, it } from 'vitest';
import { applyCommand } from './apply-command.js';
import { smallReport } from './small-report.fixture.js';
import { touchedNodeIds } from './touched-node-ids.js';

describe('touchedNodeIds', () => {
  const r = smallReport();

  it('names an updated node only', () => {
    expect(
      touchedNodeIds(r, { type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } }),
    ).toEqual(['m2']);
    expect(touchedNodeIds(r, { type: 'tracking.set', measureId: 'm1', progress: 50 })).toEqual([
      'm1',
    ]);
    expect(touchedNodeIds(r, { type: 'ideology.update', patch: { text: '新思想。' } })).toEqual([
      'ideology',
    ]);
    expect(touchedNodeIds(r, { type: 'meta.update', patch: { title: '新标题' } })).toEqual([
      'test-report',
    ]);
  });

  it('names both parents of a move', () => {
    expect(
      touchedNodeIds(r, { type: 'measure.move', id: 'm3', toSectionId: 's3', toIndex: 0 }),
    ).toEqual(['m3', 's2', 's3']);
    expect(touchedNodeIds(r, { type: 'chapter.move', id: 'c-2', toIndex: 0 })).toEqual([
      'c-2',
      'test-report',
    ]);
    expect(touchedNodeIds(r, { type: 'indicator.move', id: 'm1-t2', toIndex: 0 })).toEqual([
      'm1-t2',
      'm1',
    ]);
  });

  it('names everything a remove takes away, its parent and the notes that lose references', () => {
    expect(touchedNodeIds(r, { type: 'section.remove', id: 's1' })).toEqual([
      's1',
      'm1',
      'm1-t1',
      'm1-t2',
      'u1',
      'm2',
      'c1',
      'note-2',
    ]);
    expect(touchedNodeIds(r, { type: 'progress.remove', id: 'u1' })).toEqual([
      'u1',
      'm1',
      'note-2',
    ]);
  });

  it('names an added node, its contents, its parent and restored note references', () => {
    const section = {
      id: 's9',
      title: null,
      measures: [
        {
          id: 'm9',
          text: '新举措。',
          indicators: [],
          places: [],
          tracking: { status: null, progress: null, updates: [] },
        },
      ],
    };
    expect(
      touchedNodeIds(r, {
        type: 'section.add',
        chapterId: 'c1',
        section,
        restoreNoteRefs: [{ noteId: 'note-1', index: 0, nodeId: 'm9' }],
      }),
    ).toEqual(['s9', 'm9', 'c1', 'note-1']);
  });

  it('is what applyCommand reports as touched', () => {
    const command = { type: 'measure.remove', id: 'm4' } as const;
    const result = applyCommand(r, command);
    expect(result.ok && result.value.touched).toEqual(touchedNodeIds(r, command));
    expect(touchedNodeIds(r, command)).toEqual(['m4', 's3', 'note-1', 'note-2']);
  });
});
