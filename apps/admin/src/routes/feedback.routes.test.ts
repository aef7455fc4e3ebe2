import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/admin-harness.js';
import { signIn } from '../testing/admin-harness.js';
import { engines } from '../testing/engines.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function citizenSends(store: Harness['store'], text: string, address: string) {
  const sent = await store.submitFeedback({
    editionNumber: 1,
    nodeId: 'm38',
    kind: 'correction',
    text,
    contact: '13800000000',
    address,
  });
  if (!sent.ok) throw new Error(sent.error.message.en);
  return sent.feedback.id;
}

describe.each(engines)('issue 19: the 公众反馈 queue ($name)', (engine) => {
  it('lists open feedback with the measure in words; an answer and a dismissal are recorded with who and when', async () => {
    h = await engine.start();
    const first = await citizenSends(h.store, '实际已建成 95 公里。', '203.0.113.1');
    const second = await citizenSends(h.store, '广告', '203.0.113.2');
    const editor = await signIn(h, 'editor', 'wang');
    const open = await editor.agent.get('/api/feedback').expect(200);
    expect(open.body.feedback.map((f: { id: string }) => f.id)).toEqual([second, first]);
    expect(open.body.feedback[1]).toMatchObject({
      nodeId: 'm38',
      measureInDraft: true,
      kind: 'correction',
      text: '实际已建成 95 公里。',
      contact: '13800000000',
      status: 'open',
    });
    expect(open.body.feedback[1].measureWords).toMatch(/^第一章/);
    expect(JSON.stringify(open.body)).not.toContain('203.0.113');

    const empty = await editor.agent
      .post(`/api/feedback/${first}/answer`)
      .set('X-CSRF-Token', editor.csrf)
      .send({ answer: '  ' })
      .expect(400);
    expect(JSON.stringify(empty.body.issues)).toMatch(/请填写答复/);
    const answer = await editor.agent
      .post(`/api/feedback/${first}/answer`)
      .set('X-CSRF-Token', editor.csrf)
      .send({ answer: '已核实，下一版更正为 95 公里。' })
      .expect(200);
    expect(answer.body.feedback).toMatchObject({
      status: 'answered',
      answer: '已核实，下一版更正为 95 公里。',
      answeredBy: 'wang',
    });
    await editor.agent
      .post(`/api/feedback/${first}/dismiss`)
      .set('X-CSRF-Token', editor.csrf)
      .send({})
      .expect(409);
    await editor.agent
      .post(`/api/feedback/${second}/dismiss`)
      .set('X-CSRF-Token', editor.csrf)
      .send({ reason: '与举措无关' })
      .expect(200);

    expect((await editor.agent.get('/api/feedback').expect(200)).body.feedback).toEqual([]);
    const done = await editor.agent.get('/api/feedback?status=answered').expect(200);
    expect(done.body.feedback.map((f: { id: string }) => f.id)).toEqual([first]);
    const dismissed = await editor.agent.get('/api/feedback?status=dismissed').expect(200);
    expect(dismissed.body.feedback[0]).toMatchObject({ answer: '与举措无关', answeredBy: 'wang' });
    await editor.agent.get('/api/feedback?status=published').expect(400);
    const audit = await h.store.listAudit({ action: 'feedback.answer' });
    expect(audit.ok && audit.entries.map((e) => e.actor)).toEqual([editor.userId]);
  });
});
