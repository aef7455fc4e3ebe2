import { applyCommands, describeChange } from '@leshan/report-core/edit';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore } from '../../test/engines.js';
import type { Store } from './store.js';
import type { ApproveInput } from './submissions.js';

afterAll(cleanUp);

const update = (id: string, measureId = 'm38') => ({
  type: 'progress.add' as const,
  measureId,
  update: { id, date: '2024-12-31', note: '已建成高速公路 90 公里。' },
});

async function reporter(store: Store): Promise<string> {
  const created = await store.createUser({
    email: 'jt@example.org',
    displayName: '交通运输局填报员',
    role: 'reporter',
    password: 'correct horse battery staple',
  });
  if (!created.ok) throw new Error(created.error.message.en);
  return created.user.id;
}

const approval = (id: string): ApproveInput<unknown> => ({
  id,
  reviewerId: 'u-editor',
  ip: null,
  apply: (current, commands) => {
    const applied = applyCommands(current, commands);
    return applied.ok ? applied : { ok: false, error: applied };
  },
  describe: describeChange,
});

describe.each(engines)('issue 18: submissions of reporters ($name)', (engine) => {
  it('approves a submission as one revision authored by the reporter, with audit rows, once under a burst', async () => {
    const { store } = await freshStore(engine);
    const reporterId = await reporter(store);
    const submitted = await store.createSubmission({
      reporterId,
      measureId: 'm38',
      kind: 'progress',
      commands: [update('u-jt-1')],
    });
    if (!submitted.ok) throw new Error(submitted.error.message.en);
    expect(submitted.submission.status).toBe('pending');
    expect(await store.listSubmissions({ status: 'pending' })).toHaveLength(1);

    // Two editors press 批准 at once.
    const [a, b] = await Promise.all([
      store.approveSubmission(approval(submitted.submission.id)),
      store.approveSubmission(approval(submitted.submission.id)),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(!loser.ok && loser.reason === 'refused' && loser.error.code).toBe('conflict');
    expect(await store.draftHead()).toBe(1);
    const revision = await store.getRevision(1);
    expect(revision).toMatchObject({ author: reporterId, commands: [update('u-jt-1')] });
    expect(await store.getSubmission(submitted.submission.id)).toMatchObject({
      status: 'approved',
      reviewerId: 'u-editor',
      revision: 1,
    });
    // And a return after the approval is refused, changing nothing.
    const late = await store.returnSubmission({
      id: submitted.submission.id,
      reviewerId: 'u-editor',
      comment: '晚了',
      ip: null,
    });
    expect(late.ok).toBe(false);
    const audit = await store.listAudit({ limit: 10 });
    expect(audit.ok && audit.entries.map((e) => e.action).sort()).toEqual([
      'submission.approve',
      'submission.submit',
    ]);
  });

  it('returns a submission with its comment, and an approval a rule refuses changes nothing', async () => {
    const { store } = await freshStore(engine);
    const reporterId = await reporter(store);
    const first = await store.createSubmission({
      reporterId,
      measureId: 'm38',
      kind: 'progress',
      commands: [update('u-jt-2')],
    });
    if (!first.ok) throw new Error(first.error.message.en);
    const returned = await store.returnSubmission({
      id: first.submission.id,
      reviewerId: 'u-editor',
      comment: '请补充统计公报链接',
      ip: null,
    });
    expect(returned.ok && returned.submission).toMatchObject({
      status: 'returned',
      comment: '请补充统计公报链接',
    });
    expect((await store.listSubmissions({ reporterId }))[0]?.comment).toBe('请补充统计公报链接');

    // A measure that does not exist: report-core refuses, the submission stays pending.
    const stray = await store.createSubmission({
      reporterId,
      measureId: 'm38',
      kind: 'progress',
      commands: [update('u-jt-3', 'm-gone')],
    });
    if (!stray.ok) throw new Error(stray.error.message.en);
    const refused = await store.approveSubmission(approval(stray.submission.id));
    expect(refused.ok === false && refused.reason).toBe('rejected');
    expect(await store.draftHead()).toBe(0);
    expect((await store.getSubmission(stray.submission.id))?.status).toBe('pending');

    // A submission carries only its kind's command.
    const wrong = await store.createSubmission({
      reporterId,
      measureId: 'm38',
      kind: 'observation',
      commands: [update('u-jt-4')],
    });
    expect(wrong.ok).toBe(false);
    const audit = await store.listAudit({ limit: 10 });
    expect(audit.ok && audit.entries.map((e) => e.action).sort()).toEqual([
      'submission.return',
      'submission.submit',
      'submission.submit',
    ]);
  });
});
