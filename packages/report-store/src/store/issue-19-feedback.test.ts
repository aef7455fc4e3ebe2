import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/clock.js';
import { cleanUp, engines, freshStore, open, rawConnection } from '../../test/engines.js';
import type { NewFeedback } from '../schemas/feedback-schemas.js';

afterAll(cleanUp);

const tip = (over: Partial<NewFeedback> = {}): NewFeedback => ({
  editionNumber: 1,
  nodeId: 'm38',
  kind: 'correction',
  text: '高速公路实际已建成 95 公里，不是 90 公里。',
  contact: 'citizen@example.org',
  address: '203.0.113.7',
  ...over,
});

describe.each(engines)('issue 19: citizens’ feedback (我要纠错) ($name)', (engine) => {
  it('stores feedback sent through a read-only store, keeping the address only as a salted hash', async () => {
    const { target } = await freshStore(engine);
    const viewer = await open(target, { readonly: true });
    const sent = await viewer.submitFeedback(tip());
    if (!sent.ok) throw new Error(sent.error.message.en);
    expect(sent.feedback).toMatchObject({ status: 'open', nodeId: 'm38', answer: null });
    expect(await viewer.listFeedback({ status: 'open' })).toEqual([sent.feedback]);
    const conn = rawConnection(target);
    const rows = await sql<{ sender: string }>`SELECT sender FROM feedback`.execute(conn.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]?.sender).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(rows.rows)).not.toContain('203.0.113');
    // The viewer still cannot write anything else.
    await expect(
      viewer.answerFeedback({ id: sent.feedback.id, editorId: 'u', text: 'x', ip: null }),
    ).rejects.toThrow();
  });

  it('refuses the sixth in ten minutes from one address, with when to try again, and not from another', async () => {
    const clock = manualClock();
    const { store } = await freshStore(engine, { now: clock.now });
    for (let i = 0; i < 5; i += 1) {
      expect((await store.submitFeedback(tip())).ok).toBe(true);
      clock.advance(60_000);
    }
    const sixth = await store.submitFeedback(tip());
    expect(sixth.ok).toBe(false);
    if (sixth.ok) return;
    expect(sixth.error.code).toBe('rate-limited');
    expect('retryAt' in sixth && sixth.retryAt).toBe('2026-03-01T08:10:00.000Z');
    expect((await store.submitFeedback(tip({ address: '198.51.100.1' }))).ok).toBe(true);
    clock.advance(5 * 60_000);
    expect((await store.submitFeedback(tip())).ok).toBe(true);
    expect(await store.listFeedback()).toHaveLength(7);
  });

  it('refuses a burst past the limit when the sends race', async () => {
    const { store } = await freshStore(engine);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.submitFeedback(tip({ address: '192.0.2.9' }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await store.listFeedback()).toHaveLength(5);
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const { store } = await freshStore(engine);
    const cases: [Partial<NewFeedback>, string][] = [
      [{ text: 'x'.repeat(2001) }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ contact: 'y'.repeat(201) }, 'contact'],
      [{ text: 'bad\u0007bell' }, 'text'],
      [{ nodeId: 'M 38' }, 'nodeId'],
    ];
    for (const [over, field] of cases) {
      const result = await store.submitFeedback(tip(over));
      expect(result.ok, field).toBe(false);
      if (!result.ok) expect(result.error.issues?.[0]?.path, field).toBe(field);
    }
    const missing = await store.submitFeedback(tip({ editionNumber: 9 }));
    expect(!missing.ok && missing.error.code).toBe('not-found');
    expect(await store.listFeedback()).toEqual([]);
  });

  it('records an answer and a dismissal once each, with who, when and an audit row', async () => {
    const clock = manualClock();
    const { store } = await freshStore(engine, { now: clock.now });
    const a = await store.submitFeedback(tip());
    const b = await store.submitFeedback(tip({ kind: 'progress-tip', contact: undefined }));
    if (!a.ok || !b.ok) throw new Error('not stored');
    clock.advance(1000);
    const empty = await store.answerFeedback({
      id: a.feedback.id,
      editorId: 'u-e',
      text: ' ',
      ip: null,
    });
    expect(!empty.ok && empty.error.code).toBe('invalid-input');
    const answered = await store.answerFeedback({
      id: a.feedback.id,
      editorId: 'u-e',
      text: '已核实，下一版更正为 95 公里。',
      ip: '127.0.0.1',
    });
    expect(answered).toEqual({
      ok: true,
      feedback: {
        ...a.feedback,
        status: 'answered',
        answer: '已核实，下一版更正为 95 公里。',
        answeredBy: 'u-e',
        answeredAt: '2026-03-01T08:00:01.000Z',
      },
    });
    const again = await store.dismissFeedback({ id: a.feedback.id, editorId: 'u-f', ip: null });
    expect(!again.ok && again.error.code).toBe('conflict');
    const dismissed = await store.dismissFeedback({ id: b.feedback.id, editorId: 'u-f', ip: null });
    expect(dismissed.ok && dismissed.feedback).toMatchObject({ status: 'dismissed', answer: null });
    const unknown = await store.dismissFeedback({ id: 'nope', editorId: 'u-f', ip: null });
    expect(!unknown.ok && unknown.error.code).toBe('not-found');
    expect((await store.listFeedback({ status: 'open' })).map((f) => f.id)).toEqual([]);
    expect((await store.listFeedback({ status: 'answered' })).map((f) => f.id)).toEqual([
      a.feedback.id,
    ]);
    const audit = await store.listAudit({ action: 'feedback.answer' });
    expect(audit.ok && audit.entries.map((e) => [e.actor, e.target, e.details])).toEqual([
      [
        'u-e',
        `feedback:${a.feedback.id}`,
        { nodeId: 'm38', editionNumber: 1, answer: '已核实，下一版更正为 95 公里。' },
      ],
    ]);
    const dismissals = await store.listAudit({ action: 'feedback.dismiss' });
    expect(dismissals.ok && dismissals.entries).toHaveLength(1);
  });
});
