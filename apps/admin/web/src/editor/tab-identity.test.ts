import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.js';
import { CLAIM_FRESH_MS, claimTabId } from './tab-identity.js';

describe('claimTabId (issue 13 point 1: a duplicated tab shared the original’s tab id)', () => {
  const clock = (start: number) => {
    let t = start;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('keeps the tab id across a reload, since the page releases its claim as it goes', () => {
    const session = memoryStorage();
    const local = memoryStorage();
    const first = claimTabId(session, local, 'page-1');
    first.release();
    const again = claimTabId(session, local, 'page-2');
    expect(again).toMatchObject({ tabId: first.tabId, copiedFrom: null });
  });

  it('gives a copy of a tab that is still open an id of its own', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    const original = claimTabId(session, local, 'page-1');
    const copiedSession = memoryStorage();
    copiedSession.setItem('leshan-admin:tab-id', original.tabId);
    const copy = claimTabId(copiedSession, local, 'page-2');
    expect(copy.copiedFrom).toBe(original.tabId);
    expect(copy.tabId).not.toBe(original.tabId);
    expect(copiedSession.getItem('leshan-admin:tab-id')).toBe(copy.tabId);
    // The copy keeps its new id across its own reload, the original keeps its own.
    copy.release();
    expect(claimTabId(copiedSession, local, 'page-3').tabId).toBe(copy.tabId);
    expect(claimTabId(session, local, 'page-1')).toMatchObject({
      tabId: original.tabId,
      copiedFrom: null,
    });
  });

  it('keeps the id of a page that crashed without releasing it, once its claim is stale', () => {
    const session = memoryStorage();
    const local = memoryStorage();
    const time = clock(1_000_000);
    const crashed = claimTabId(session, local, 'page-1', time.now);
    time.advance(CLAIM_FRESH_MS);
    expect(claimTabId(session, local, 'page-2', time.now)).toMatchObject({
      tabId: crashed.tabId,
      copiedFrom: null,
    });
  });
});
