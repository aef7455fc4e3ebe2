import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Command } from '@leshan/report-core';
import type { DraftView, Endpoints, SessionView } from '../api/endpoints.js';
import { DraftStore } from '../editor/draft-store.js';
import { QueueStorage } from '../editor/queue-storage.js';
import { AppContext } from '../layout/app-context.js';
import { sampleDraft } from './sample-report.js';

export function sampleSession(role: SessionView['user']['role'] = 'editor'): SessionView {
  return {
    user: {
      id: 'u-zhang',
      email: 'zhang@example.cn',
      displayName: '张编辑',
      role,
      disabled: false,
      mustChangePassword: false,
      createdAt: '2024-01-01T00:00:00.000Z',
    },
    csrfToken: 'csrf-token',
    expiresAt: '2030-01-01T00:00:00.000Z',
    permissions: { edit: true, publish: role !== 'editor', manageUsers: role === 'admin' },
  };
}

/** Renders a screen inside the signed-in workspace with a loaded draft and a fake API. */
export async function renderInApp(
  ui: ReactElement,
  options: { session?: SessionView; draft?: DraftView; api?: Partial<Endpoints> } = {},
) {
  const draft = options.draft ?? sampleDraft();
  const sendCommands = vi.fn((base: number, _commands: readonly Command[]) =>
    Promise.resolve({ revision: base + 1, hash: 'h', touched: [], keys: [] }),
  );
  const api = {
    draft: vi.fn(() => Promise.resolve(draft)),
    sendCommands,
    ...options.api,
  } as unknown as Endpoints;
  const store = new DraftStore({
    api,
    queue: new QueueStorage('u-zhang', 'tab-test', sessionStorage, localStorage),
    isOnline: () => true,
    autosaveMs: 60_000,
  });
  await store.load();
  const announce = vi.fn();
  const signOut = vi.fn(() => Promise.resolve());
  const session = options.session ?? sampleSession();
  const result = render(
    <AppContext.Provider
      value={{
        api,
        session,
        store,
        signOut,
        renewSession: vi.fn(),
        announce,
      }}
    >
      {ui}
    </AppContext.Provider>,
  );
  return { ...result, store, api, sendCommands, announce, signOut };
}

/** A measure's text in the store's draft (undefined when it is not there). */
export const measureText = (store: DraftStore, id: string) =>
  store.state.report?.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .find((m) => m.id === id)?.text;

/** Selects a measure in the outline by its label. */
export function openMeasure(label: RegExp) {
  fireEvent.click(screen.getByRole('treeitem', { name: label }));
}
