import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/clock.js';
import { cleanUp, engines, freshStore } from '../../test/engines.js';

afterAll(cleanUp);

describe.each(engines)('audit log ($name)', (engine) => {
  it('redacts secret-looking details at any depth', async () => {
    const { store } = await freshStore(engine);
    const appended = await store.appendAudit({
      actor: 'u1',
      action: 'user.create',
      target: 'u2',
      ip: '10.0.0.7',
      details: {
        email: 'a@b.cn',
        password: 'hunter2hunter2',
        nested: { csrfToken: 'x', keep: [1, 'two'] },
      },
    });
    expect(appended.ok && appended.entry.details).toEqual({
      email: 'a@b.cn',
      password: '[redacted]',
      nested: { csrfToken: '[redacted]', keep: [1, 'two'] },
    });
  });

  it('filters by actor, action and time, newest first, a page at a time', async () => {
    const clock = manualClock();
    const { store } = await freshStore(engine, { now: clock.now });
    for (let i = 0; i < 7; i += 1) {
      await store.appendAudit({
        actor: i % 2 === 0 ? 'u-even' : 'u-odd',
        action: i < 5 ? 'draft.edit' : 'login',
        target: `t${i}`,
      });
      clock.advance(1_000);
    }
    const targets = async (query: Parameters<typeof store.listAudit>[0]) => {
      const page = await store.listAudit(query);
      if (!page.ok) throw new Error(page.error.message.en);
      return { targets: page.entries.map((e) => e.target), next: page.nextCursor };
    };
    expect((await targets({ actor: 'u-even' })).targets).toEqual(['t6', 't4', 't2', 't0']);
    expect((await targets({ action: 'login' })).targets).toEqual(['t6', 't5']);
    expect(
      (await targets({ since: '2026-03-01T08:00:02.000Z', until: '2026-03-01T08:00:04.000Z' }))
        .targets,
    ).toEqual(['t3', 't2']);
    const first = await targets({ limit: 3 });
    expect(first.targets).toEqual(['t6', 't5', 't4']);
    const second = await targets({ limit: 3, cursor: first.next ?? '' });
    expect(second.targets).toEqual(['t3', 't2', 't1']);
    const last = await targets({ limit: 3, cursor: second.next ?? '' });
    expect(last).toEqual({ targets: ['t0'], next: null });
    const bad = await store.listAudit({ cursor: 'not-a-cursor' });
    expect(bad.ok || bad.error.code).toBe('invalid-input');
  });
});
