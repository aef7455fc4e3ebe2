import { useEffect, useMemo } from 'react';
import type { Endpoints, SessionView } from '../api/endpoints.js';
import { DraftStore } from './draft-store.js';
import { FormDrafts } from './form-drafts.js';
import { LiveDraft } from './live-draft.js';
import { QueueStorage, tabIdOf } from './queue-storage.js';
import { installTestHooks, testHooksWanted } from './test-hooks.js';

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch (_error) {
    return null;
  }
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
    const tabId = tabIdOf(sessionStorage);
    let live: LiveDraft | null = null;
    const store = new DraftStore({
      api,
      queue: new QueueStorage(userId, tabId, sessionStorage, storage('localStorage')),
      forms: new FormDrafts(sessionStorage, `leshan-admin:forms:${userId}:${tabId}`),
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
