import { describe, expect, it } from 'vitest';
import { sourceText } from '../data/index.js';
import { listMeasures } from '../model/query.js';
import { applyMerge } from './apply-merge.js';
import { proposeMerge } from './propose-merge.js';
import { curatedDraft, parseAsNext } from './reimport.fixture.js';

const current = curatedDraft();
const without = (line: string): string => sourceText.replace(`${line}\n`, '');
const ids = (r: typeof current) => listMeasures(r).map((m) => m.measure.id);

describe('applyMerge: nothing curated goes without an explicit choice', () => {
  // m112 has two targets and two progress updates; the new text drops its sentence.
  const incoming = parseAsNext(
    current,
    without('力争入库重大工业项目500个,完成工业投资1000亿元以上。'),
  );

  it('lists the removed measure with the curated data that would go with it', () => {
    const removed = proposeMerge({ current, incoming }).items.find((i) => i.kind === 'removed');
    expect(removed).toMatchObject({
      key: 'removed:m112',
      needsDecision: true,
      curated: { indicators: [{ id: 'm112-t1' }, { id: 'm112-t2' }], updates: 2 },
    });
  });

  it('refuses to apply, in Chinese, while that removal is undecided', () => {
    const result = applyMerge({ current, incoming, decisions: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message.zh).toMatch(/请明确选择接受或拒绝/);
  });

  it('keeps the measure and its curation when the removal is rejected, drops it when accepted', () => {
    const kept = applyMerge({ current, incoming, decisions: { 'removed:m112': 'reject' } });
    expect(kept.ok && ids(kept.value)).toEqual(ids(current));
    const gone = applyMerge({ current, incoming, decisions: { 'removed:m112': 'accept' } });
    expect(gone.ok && ids(gone.value)).toEqual(ids(current).filter((id) => id !== 'm112'));
  });

  it('refuses a decision on an item the proposal does not have', () => {
    const result = applyMerge({
      current,
      incoming,
      decisions: { 'removed:m112': 'reject', 'new:m-x': 'accept' },
    });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['decisions.new:m-x']);
  });

  it('a changed wording that drops a target needs a choice; rejecting keeps the old wording and the target', () => {
    const reworded = parseAsNext(
      current,
      sourceText.replace('力争入库重大工业项目500个', '力争入库重大工业项目600个'),
    );
    const item = proposeMerge({ current, incoming: reworded }).items.find(
      (i) => i.kind === 'changed',
    );
    expect(item).toMatchObject({
      key: 'changed:m112',
      needsDecision: true,
      invalidated: { indicators: [{ id: 'm112-t1' }] },
    });
    const rejected = applyMerge({
      current,
      incoming: reworded,
      decisions: { 'changed:m112': 'reject' },
    });
    const m112 = rejected.ok
      ? listMeasures(rejected.value).find((m) => m.measure.id === 'm112')
      : undefined;
    expect(m112?.measure.indicators.map((i) => i.id)).toEqual(['m112-t1', 'm112-t2']);
    const accepted = applyMerge({
      current,
      incoming: reworded,
      decisions: { 'changed:m112': 'accept' },
    });
    const after = accepted.ok
      ? listMeasures(accepted.value).find((m) => m.measure.id === 'm112')
      : undefined;
    expect(after?.measure.indicators.map((i) => i.id)).toEqual(['m112-t2']);
    expect(after?.measure.text).toMatch(/600个/);
  });
});
