import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import { applyCommand, applyCommands } from './apply-command.js';
import { changeKeys, conflictingKeys, fieldOfKey, nodeIdOfKey } from './change-keys.js';
import type { Command } from './command-schema.js';
import { choiceArbitrary, randomCommand } from './random-command.fixture.js';
import type { Choice } from './random-command.fixture.js';
import { smallReport } from './small-report.fixture.js';

const r = smallReport();
const update = (id: string, date: string): Command => ({
  type: 'progress.add',
  measureId: 'm1',
  update: { id, date, note: '有进展。', status: 'in-progress', progress: 30 },
});
const keysOf = (commands: readonly Command[]): string[] => {
  const applied = applyCommands(r, commands);
  if (!applied.ok) throw new Error(applied.error.message.en);
  return applied.value.keys;
};
const conflict = (a: readonly Command[], b: readonly Command[]): string[] =>
  conflictingKeys(keysOf(a), keysOf(b));

describe('key helpers', () => {
  it('split a key into its node and field', () => {
    expect([nodeIdOfKey('m1'), fieldOfKey('m1')]).toEqual(['m1', null]);
    expect([nodeIdOfKey('m1/text'), fieldOfKey('m1/text')]).toEqual(['m1', 'text']);
    expect([nodeIdOfKey('s1/~'), fieldOfKey('s1/~')]).toEqual(['s1', '~']);
  });
});

describe('changeKeys', () => {
  it('names the field an edit writes and the parent it needs', () => {
    const text: Command = { type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } };
    expect(changeKeys(r, text)).toEqual(['m2/text', 's1/~']);
    expect(changeKeys(r, { type: 'indicator.update', id: 'm1-t1', patch: { value: 5 } })).toEqual([
      'm1-t1/value',
      'm1/~',
    ]);
    expect(
      changeKeys(r, { type: 'note.update', id: 'note-1', patch: { nodeIds: ['m2'] } }),
    ).toEqual(['m2/~', 'note-1/body']);
    // Issue 13 point 8: a note's visibility is part of its body, like its reasoning.
    expect(
      changeKeys(r, { type: 'note.update', id: 'note-1', patch: { visibility: 'internal' } }),
    ).toEqual(['note-1/body']);
    expect(changeKeys(r, { type: 'meta.update', patch: { title: '新', subtitle: null } })).toEqual([
      'test-report/subtitle',
      'test-report/title',
    ]);
    expect(changeKeys(r, { type: 'ideology.update', patch: { text: '新思想。' } })).toEqual([
      'ideology/text',
    ]);
    expect(changeKeys(r, { type: 'goal.update', id: 'g1', patch: { target: '更强' } })).toEqual([
      'g1/target',
    ]);
  });

  it('lists the whole subtree of a removal and the notes that lose references', () => {
    expect(changeKeys(r, { type: 'measure.remove', id: 'm1' })).toEqual([
      'm1',
      'm1-t1',
      'm1-t2',
      'note-2/body',
      's1/~',
      'u1',
    ]);
  });

  it('writes a progress update as a node of its own, never the measure’s tracking', () => {
    expect(changeKeys(r, update('u9', '2024-05-01'))).toEqual(['m1/~', 'u9']);
  });

  it('names a move by the node’s position and both parents', () => {
    expect(
      changeKeys(r, { type: 'measure.move', id: 'm3', toSectionId: 's3', toIndex: 0 }),
    ).toEqual(['m3/position', 's2/~', 's3/~']);
  });
});

describe('conflictingKeys', () => {
  it('must not flag two progress updates of one measure', () => {
    expect(conflict([update('u8', '2024-04-01')], [update('u9', '2024-05-01')])).toEqual([]);
  });

  it('must not flag a text change against a progress update of the same measure', () => {
    const text: Command = {
      type: 'measure.update',
      id: 'm1',
      patch: { text: '力争新建高速公路210公里、铁路170公里，打通出海通道。' },
    };
    expect(conflict([text], [update('u9', '2024-05-01')])).toEqual([]);
    expect(conflict([update('u9', '2024-05-01')], [text])).toEqual([]);
  });

  it('must not flag edits of two different indicators of one measure', () => {
    expect(
      conflict(
        [{ type: 'indicator.update', id: 'm1-t1', patch: { value: 200 } }],
        [{ type: 'indicator.update', id: 'm1-t2', patch: { value: 180 } }],
      ),
    ).toEqual([]);
  });

  it('must not flag text against places, nor two adds into one section', () => {
    expect(
      conflict(
        [{ type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } }],
        [{ type: 'measure.update', id: 'm2', patch: { places: ['wutongqiao'] } }],
      ),
    ).toEqual([]);
    const add = (id: string): Command => ({
      type: 'measure.add',
      sectionId: 's1',
      measure: {
        id,
        text: `新举措${id}。`,
        indicators: [],
        places: [],
        tracking: { status: null, progress: null, updates: [] },
      },
    });
    expect(conflict([add('m8')], [add('m9')])).toEqual([]);
  });

  it('flags the same field written on both sides', () => {
    expect(
      conflict(
        [{ type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } }],
        [{ type: 'measure.update', id: 'm2', patch: { text: '建设乐山大港。' } }],
      ),
    ).toEqual(['m2/text']);
  });

  it('flags an edit against a delete, either way', () => {
    const edit: Command = { type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } };
    const remove: Command = { type: 'measure.remove', id: 'm2' };
    expect(conflict([edit], [remove])).toEqual(['m2/text']);
    expect(conflict([remove], [edit])).toEqual(['m2']);
  });

  it('flags an edit inside a deleted section, and an add into it', () => {
    const remove: Command = { type: 'section.remove', id: 's1' };
    expect(conflict([update('u9', '2024-05-01')], [remove])).toEqual(['m1/~']);
    expect(
      conflict([{ type: 'indicator.update', id: 'm1-t1', patch: { value: 1 } }], [remove]),
    ).toEqual(['m1-t1/value', 'm1/~']);
    expect(conflict([remove], [update('u9', '2024-05-01')])).toEqual(['m1']);
  });

  it('flags a note that comes to name a node the other side deleted', () => {
    expect(
      conflict(
        [{ type: 'note.update', id: 'note-1', patch: { nodeIds: ['c-2', 'm2'] } }],
        [{ type: 'measure.remove', id: 'm2' }],
      ),
    ).toEqual(['m2/~']);
  });
});

// Lists compared as sets: two adds into one list (never a conflict) may land in either order.
function normalized(report: Report): unknown {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(walk);
      const ids = items.map((item) => (item as { id?: unknown } | null)?.id);
      return ids.every((id) => typeof id === 'string')
        ? items.sort((a, b) =>
            String((a as { id: string }).id).localeCompare((b as { id: string }).id),
          )
        : items;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).filter(([key]) => key !== 'number');
      return Object.fromEntries(entries.map(([key, v]) => [key, walk(v)]));
    }
    return value;
  };
  return walk(report);
}

function batch(base: Report, choices: readonly Choice[], from: number): Command[] {
  const commands: Command[] = [];
  let current = base;
  choices.forEach((x, i) => {
    const command = randomCommand(current, x, from + i);
    const applied = applyCommand(current, command);
    if (!applied.ok) return;
    commands.push(command);
    current = applied.value.report;
  });
  return commands;
}

describe('non-conflicting batches', () => {
  const choices = fc.array(choiceArbitrary, { minLength: 1, maxLength: 4 });

  it('give the same report applied in either order', () => {
    let compared = 0;
    fc.assert(
      fc.property(choices, choices, (xa, xb) => {
        const a = batch(r, xa, 100);
        const b = batch(r, xb, 200);
        const ka = applyCommands(r, a);
        const kb = applyCommands(r, b);
        if (!ka.ok || !kb.ok) return;
        if (conflictingKeys(ka.value.keys, kb.value.keys).length > 0) {
          // The rule is symmetric: if mine conflict with theirs, theirs conflict with mine.
          expect(conflictingKeys(kb.value.keys, ka.value.keys)).not.toEqual([]);
          return;
        }
        expect(conflictingKeys(kb.value.keys, ka.value.keys)).toEqual([]);
        const ab = applyCommands(ka.value.report, b);
        const ba = applyCommands(kb.value.report, a);
        // A position chosen on the base may be out of range after the other batch; both refuse then.
        if (!ab.ok || !ba.ok) return;
        compared += 1;
        expect(normalized(ab.value.report)).toEqual(normalized(ba.value.report));
      }),
      { numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(100);
  }, 60_000);
});
