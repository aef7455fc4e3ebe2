import { useSyncExternalStore } from 'react';
import type { DraftState } from '../editor/draft-store.js';
import { useApp } from './app-context.js';

/** The draft's current state; re-renders on every change of the store. */
export function useDraft(): DraftState {
  const { store } = useApp();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
