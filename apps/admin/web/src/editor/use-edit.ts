import { useCallback } from 'react';
import type { Command } from '@leshan/report-core';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import type { ApplyOutcome } from './draft-store.js';

/** Applies commands to the draft as the signed-in editor; refused when the role may not edit. */
export function useEdit(): (
  commands: readonly Command[],
  label: string,
  key?: string | null,
) => ApplyOutcome {
  const { store, session } = useApp();
  // The report this render showed: an edit is made on it, even when the store has moved on
  // before the event that makes it is handled.
  const { report } = useDraft();
  return useCallback(
    (commands, label, key = null) =>
      session.permissions.edit
        ? store.apply(commands, label, key, report)
        : { ok: false, message: '您的角色无权修改草稿', paths: [] },
    [store, session.permissions.edit, report],
  );
}
