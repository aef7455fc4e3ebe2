import { createContext, useContext } from 'react';
import type { Endpoints, SessionView } from '../api/endpoints.js';
import type { DraftStore } from '../editor/draft-store.js';

export interface AppContextValue {
  api: Endpoints;
  session: SessionView;
  store: DraftStore;
  signOut: () => Promise<void>;
  /** After a password change: the new session (and CSRF token) of this browser. */
  renewSession: (session: SessionView) => void;
  announce: (message: string) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The signed-in workspace: API, session, draft store. Only screens inside the shell use it. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp outside the signed-in workspace');
  return value;
}
