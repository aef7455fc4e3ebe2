import type { DraftStore, SavedChange } from './draft-store.js';

/** What e2e tests read from a page (apps/admin/e2e/README.md describes it). */
export interface EditorTestHooks {
  tabId: string;
  savedChanges(): SavedChange[];
  conflictsShown(): { at: string; labels: string[]; deleted: boolean[]; commands: number }[];
  unsent(): number;
  refused(): number;
  revision(): number;
}

declare global {
  interface Window {
    __leshanEditor?: EditorTestHooks;
  }
}

/**
 * The hooks (apps/admin/e2e/README.md) are there in development and test builds, and in a production build only when the
 * page was opened with `?e2e=1`. They expose nothing the page does not already show its editor.
 */
export function testHooksWanted(
  mode: string,
  search: string,
  session: Pick<Storage, 'getItem' | 'setItem'> | null,
): boolean {
  if (mode !== 'production') return true;
  if (new URLSearchParams(search).get('e2e') === '1') {
    try {
      session?.setItem(E2E_FLAG, '1');
    } catch (_error) {
      // Without sessionStorage the flag lasts until the address loses it.
    }
    return true;
  }
  return session?.getItem(E2E_FLAG) === '1';
}

const E2E_FLAG = 'leshan-admin:e2e';

export function installTestHooks(store: DraftStore): () => void {
  const hooks: EditorTestHooks = {
    tabId: store.tabId,
    savedChanges: () => store.saved.map((s) => ({ ...s, keys: [...s.keys] })),
    conflictsShown: () =>
      store.conflictsShown.map(({ at, conflict }) => ({
        at,
        labels: conflict.nodes.map((n) => n.label),
        deleted: conflict.nodes.map((n) => n.deleted),
        commands: conflict.conflicting.length,
      })),
    unsent: () => store.state.unsent,
    refused: () => store.state.refused,
    revision: () => store.state.revision,
  };
  window.__leshanEditor = hooks;
  return () => {
    if (window.__leshanEditor === hooks) delete window.__leshanEditor;
  };
}
