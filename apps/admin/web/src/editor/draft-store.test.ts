import { describe, expect, it, vi } from 'vitest';
import type { Command } from '@leshan/report-core';
import { ApiError, networkError } from '../api/api-error.js';
import type { DraftView } from '../api/endpoints.js';
import { sampleDraft, sampleReport } from '../testing/sample-report.js';
import { DraftStore } from './draft-store.js';
import { QueueStorage } from './queue-storage.js';

function setup(draft: DraftView = sampleDraft()) {
  const api = {
    draft: vi.fn(() => Promise.resolve(draft)),
    sendCommands: vi.fn((base: number, _commands: readonly Command[]) =>
      Promise.resolve({ revision: base + 1, hash: 'h', touched: [], keys: [] }),
    ),
  };
  let online = true;
  const queue = new QueueStorage('u1', localStorage);
  const store = new DraftStore({
    api,
    queue,
    isOnline: () => online,
    autosaveMs: 60_000,
    retryMs: 60_000,
  });
  return { api, store, queue, goOffline: () => (online = false), goOnline: () => (online = true) };
}

const editText = (text: string): Command => ({
  type: 'measure.update',
  id: 'm26',
  patch: { text },
});
const measureText = (store: DraftStore, id = 'm26') =>
  store.state.report?.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .find((m) => m.id === id)?.text;

describe('DraftStore', () => {
  it('applies a valid edit at once and sends typing on one field as one command', async () => {
    const { api, store } = setup();
    await store.load();
    store.apply([editText('培育壮大储能')], '修改举措', 'm26:text');
    store.apply([editText('培育壮大储能产业集群。')], '修改举措', 'm26:text');
    expect(measureText(store)).toBe('培育壮大储能产业集群。');
    expect(store.state.saveState).toBe('pending');
    await store.flush();
    expect(api.sendCommands).toHaveBeenCalledWith(3, [editText('培育壮大储能产业集群。')]);
    expect(store.state).toMatchObject({ revision: 4, saveState: 'saved', unsent: 0 });
    store.dispose();
  });

  it('refuses an invalid edit with a Chinese message and sends nothing', async () => {
    const { api, store } = setup();
    await store.load();
    const outcome = store.apply(
      [{ type: 'measure.update', id: 'm24', patch: { text: '推进光伏产业。' } }],
      '修改举措',
    );
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('40万吨') as string,
    });
    expect(measureText(store, 'm24')).toContain('40万吨');
    await store.flush();
    expect(api.sendCommands).not.toHaveBeenCalled();
    store.dispose();
  });

  it('undoes a removal with the inverse command from report-core', async () => {
    const { store } = setup();
    await store.load();
    store.apply([{ type: 'measure.remove', id: 'm26' }], '删除举措');
    expect(measureText(store)).toBeUndefined();
    expect(store.undoLast()).toEqual({ ok: true });
    expect(store.state.report).toEqual(sampleReport());
    store.dispose();
  });

  it('keeps changes in localStorage while offline and sends them when the connection returns', async () => {
    const { api, store, goOffline, goOnline, queue } = setup();
    await store.load();
    goOffline();
    store.apply([editText('离线时的修改。')], '修改举措', 'm26:text');
    await store.flush();
    expect(store.state.saveState).toBe('offline');
    expect(queue.read()?.commands).toEqual([editText('离线时的修改。')]);

    const later = setup();
    await later.store.load();
    expect(measureText(later.store)).toBe('离线时的修改。');
    goOnline();
    later.store.online();
    await vi.waitFor(() => expect(later.store.state.saveState).toBe('saved'));
    expect(later.api.sendCommands).toHaveBeenCalledWith(3, [editText('离线时的修改。')]);
    expect(queue.read()).toBeNull();
    expect(api.sendCommands).not.toHaveBeenCalled();
    store.dispose();
    later.store.dispose();
  });

  it('treats a failed fetch as offline and retries the same commands', async () => {
    const { api, store } = setup();
    await store.load();
    api.sendCommands.mockRejectedValueOnce(networkError());
    store.apply([editText('网络中断。')], '修改举措');
    await store.flush();
    expect(store.state).toMatchObject({ saveState: 'offline', unsent: 1 });
    await store.flush();
    expect(api.sendCommands).toHaveBeenLastCalledWith(3, [editText('网络中断。')]);
    expect(store.state.saveState).toBe('saved');
    store.dispose();
  });

  it('shows a 409 as a conflict; keep mine re-sends my commands on the new revision', async () => {
    const theirsReport = structuredClone(sampleReport());
    const theirs = theirsReport.chapters[0]?.sections[0]?.measures[1];
    if (theirs !== undefined) theirs.text = '对方改过的文字。';
    const { api, store } = setup();
    await store.load();
    api.draft.mockResolvedValue(sampleDraft(5, theirsReport));
    api.sendCommands.mockRejectedValueOnce(
      new ApiError(409, {
        error: '冲突',
        code: 'conflict',
        issues: [],
        currentRevision: 5,
        nodes: [{ id: 'm26', kind: 'measure', current: theirs, changedBy: ['李编辑'] }],
      }),
    );
    store.apply([editText('我的文字。')], '修改举措');
    await store.flush();
    expect(store.state.saveState).toBe('conflict');
    expect(store.state.conflict?.nodes[0]).toMatchObject({
      id: 'm26',
      mine: { text: '我的文字。' },
      theirs: { text: '对方改过的文字。' },
      changedBy: ['李编辑'],
    });
    expect(store.apply([editText('再改。')], '修改举措').ok).toBe(false);

    store.keepMine();
    await vi.waitFor(() => expect(store.state.saveState).toBe('saved'));
    expect(api.sendCommands).toHaveBeenLastCalledWith(5, [editText('我的文字。')]);
    expect(store.state.revision).toBe(6);
    store.dispose();
  });

  it('take theirs drops my unsent changes', async () => {
    const { api, store, queue } = setup();
    await store.load();
    api.draft.mockResolvedValue(sampleDraft(5));
    api.sendCommands.mockRejectedValueOnce(
      new ApiError(409, { error: '冲突', code: 'conflict', issues: [], nodes: [] }),
    );
    store.apply([editText('我的文字。')], '修改举措');
    await store.flush();
    store.takeTheirs();
    expect(store.state).toMatchObject({
      revision: 5,
      saveState: 'saved',
      conflict: null,
      unsent: 0,
    });
    expect(measureText(store)).toBe('培育壮大储能电池产业。');
    expect(queue.read()).toBeNull();
    store.dispose();
  });
});
