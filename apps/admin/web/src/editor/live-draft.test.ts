import { describe, expect, it, vi } from 'vitest';
import type { Command } from '@leshan/report-core';
import { memoryStorage } from '../testing/memory-storage.js';
import { sampleDraft, sampleReport } from '../testing/sample-report.js';
import { DraftStore } from './draft-store.js';
import { LiveDraft } from './live-draft.js';
import { QueueStorage } from './queue-storage.js';

/** An EventSource the test drives: it dispatches what the server would send. */
class FakeEvents extends EventTarget {
  readyState = 1;
  close = vi.fn(() => {
    this.readyState = 2;
  });
  send(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

function setup(openEvents: (() => FakeEvents) | null) {
  const theirs = structuredClone(sampleReport());
  const m42 = theirs.chapters[1]?.sections[0]?.measures[0];
  if (m42 !== undefined) m42.text = '对方保存的文字。';
  const api = {
    draft: vi.fn(() => Promise.resolve(sampleDraft())),
    sendCommands: vi.fn((base: number, _c: readonly Command[]) =>
      Promise.resolve({ revision: base + 1, hash: 'h', touched: [], keys: [] }),
    ),
    draftHead: vi.fn(() => Promise.resolve({ revision: 4 })),
    presence: vi.fn((clientId: string, nodeId: string | null) =>
      Promise.resolve({ editors: [{ userId: 'u-li', name: '李编辑', nodeId, clientId: 'other' }] }),
    ),
  };
  const store = new DraftStore({
    api,
    queue: new QueueStorage('u1', 'tab-1', memoryStorage(), memoryStorage()),
    isOnline: () => true,
    autosaveMs: 60_000,
  });
  const channel = { postMessage: vi.fn(), close: vi.fn(), onmessage: null };
  const live = new LiveDraft({
    store,
    api,
    openEvents,
    openChannel: () => channel,
    pollMs: 20,
  });
  return { api, store, live, channel, theirs };
}

const m42Text = (store: DraftStore) =>
  store.state.report?.chapters[1]?.sections[0]?.measures[0]?.text;

describe('LiveDraft', () => {
  it('issue 13: another editor’s revision event shows their change, my unsent edit stays', async () => {
    const events = new FakeEvents();
    const { api, store, live, theirs } = setup(() => events);
    await store.load();
    live.start();
    store.apply([{ type: 'measure.update', id: 'm26', patch: { text: '我未发送的。' } }], '修改');
    api.draft.mockResolvedValue(sampleDraft(4, theirs));
    events.send('revision', {
      revision: 4,
      author: 'u-li',
      authorName: '李编辑',
      at: '2026-12-01T10:00:00Z',
      keys: ['m42/text'],
      summary: ['李编辑 修改了 …'],
      clientId: 'other',
      clientSeq: 1,
    });
    await vi.waitFor(() => expect(m42Text(store)).toBe('对方保存的文字。'));
    expect(store.state.report?.chapters[0]?.sections[0]?.measures[1]?.text).toBe('我未发送的。');
    expect(store.state.unsent).toBe(1);
    live.stop();
  });

  it('issue 13: announces the open node and shows who else has it open', async () => {
    const events = new FakeEvents();
    const { api, store, live } = setup(() => events);
    await store.load();
    live.start();
    store.openNode('m26');
    await vi.waitFor(() => expect(api.presence).toHaveBeenLastCalledWith('tab-1', 'm26'));
    await vi.waitFor(() => expect(store.state.presence[0]?.name).toBe('李编辑'));
    events.send('presence', { editors: [] });
    expect(store.state.presence).toEqual([]);
    live.stop();
  });

  it('falls back to polling the head revision when the event stream is refused', async () => {
    const events = new FakeEvents();
    const { api, store, live, theirs } = setup(() => events);
    await store.load();
    live.start();
    api.draft.mockResolvedValue(sampleDraft(4, theirs));
    events.readyState = 2;
    events.dispatchEvent(new Event('error'));
    await vi.waitFor(() => expect(m42Text(store)).toBe('对方保存的文字。'));
    expect(api.draftHead).toHaveBeenCalled();
    live.stop();
  });

  it('issue 13: polls the head while the network keeps breaking the stream (the browser retries it, readyState 0)', async () => {
    const events = new FakeEvents();
    const { api, store, live, theirs } = setup(() => events);
    await store.load();
    live.start();
    api.draft.mockResolvedValue(sampleDraft(4, theirs));
    events.readyState = 0;
    events.dispatchEvent(new Event('error'));
    await vi.waitFor(() => expect(m42Text(store)).toBe('对方保存的文字。'));
    expect(api.draftHead).toHaveBeenCalled();
    expect(events.close).not.toHaveBeenCalled();
    live.stop();
  });

  it('tells other tabs of a saved revision and follows theirs', async () => {
    const { api, store, live, channel, theirs } = setup(null);
    api.draftHead.mockResolvedValue({ revision: 3 });
    await store.load();
    live.start();
    live.saved(9);
    expect(channel.postMessage).toHaveBeenCalledWith({ type: 'revision', revision: 9 });
    api.draft.mockResolvedValue(sampleDraft(4, theirs));
    const onmessage = channel.onmessage as ((event: MessageEvent) => void) | null;
    onmessage?.(new MessageEvent('message', { data: { type: 'revision', revision: 4 } }));
    await vi.waitFor(() => expect(m42Text(store)).toBe('对方保存的文字。'));
    live.stop();
  });
});
