import { useEffect, useMemo } from 'react';
import type { Endpoints, SessionView } from '../api/endpoints.js';
import { DraftStore } from './draft-store.js';
import { FormDrafts } from './form-drafts.js';
import { LiveDraft } from './live-draft.js';
import { moveFormDrafts } from './form-drafts.js';
import { QueueStorage } from './queue-storage.js';
import { claimTabId } from './tab-identity.js';
import type { TabIdentity } from './tab-identity.js';
import { installTestHooks, testHooksWanted } from './test-hooks.js';

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch (_error) {
    return null;
  }
}

let pageTab: TabIdentity | null = null;

/** This page's tab id, claimed once per page load and given up as the page goes (reload, close). */
function thisPageTab(): TabIdentity {
  if (pageTab !== null) return pageTab;
  const tab = claimTabId(storage('sessionStorage'), storage('localStorage'), crypto.randomUUID());
  window.addEventListener('pagehide', () => tab.release());
  window.addEventListener('pageshow', () => tab.refresh());
  window.setInterval(() => tab.refresh(), 10_000);
  pageTab = tab;
  return tab;
}

/**
 * The signed-in editor's draft for this tab: its store (with this tab's queue, undo stack and
 * form drafts) and the live connection. Loaded on mount; stopped on unmount (sign-out).
 */
export function useDraftSession(
  api: Endpoints,
  session: SessionView,
  onExpired: () => void,
): DraftStore {
  const userId = session.user.id;
  const { store, live } = useMemo(() => {
    const sessionStorage = storage('sessionStorage');
    const { tabId, copiedFrom } = thisPageTab();
    const queue = new QueueStorage(userId, tabId, sessionStorage, storage('localStorage'));
    const formsKey = (id: string) => `leshan-admin:forms:${userId}:${id}`;
    if (copiedFrom !== null) {
      // A duplicated tab: the original sends its own unsent changes; typed form text comes along.
      queue.dropCopyOf(copiedFrom);
      moveFormDrafts(sessionStorage, formsKey(copiedFrom), formsKey(tabId));
    }
    let live: LiveDraft | null = null;
    const store = new DraftStore({
      api,
      queue,
      forms: new FormDrafts(sessionStorage, formsKey(tabId)),
      onUnauthenticated: onExpired,
      onSaved: (saved) => live?.saved(saved.revision),
    });
    live = new LiveDraft({ store, api });
    return { store, live };
  }, [api, userId, onExpired]);

  useEffect(() => {
    let active = true;
    void store.load().then(() => {
      if (active) live.start();
    });
    const online = () => store.online();
    const offline = () => void store.flush();
    // Closing or reloading a tab with unsent changes asks first (they are kept in this tab's queue).
    const leaving = (event: BeforeUnloadEvent) => {
      if (store.state.unsent > 0 || store.state.conflict !== null) event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('beforeunload', leaving);
    const removeHooks = testHooksWanted(
      import.meta.env.MODE,
      window.location.search,
      storage('sessionStorage'),
    )
      ? installTestHooks(store)
      : () => undefined;
    return () => {
      active = false;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('beforeunload', leaving);
      removeHooks();
      live.stop();
      store.dispose();
    };
  }, [store, live]);

  return store;
}
