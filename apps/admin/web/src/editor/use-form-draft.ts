import { useCallback, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import { useApp } from '../layout/app-context.js';

/**
 * A form's typed values, kept in this tab's form drafts under `key`: they survive selecting
 * another node, another screen and a reload, until the form is submitted (clear) or reset.
 */
export function useFormDraft<S extends z.ZodType>(
  key: string,
  initial: z.infer<S>,
  schema: S,
): [z.infer<S>, (next: z.infer<S>) => void, () => void] {
  const { forms } = useApp().store;
  const entry = useSyncExternalStore(forms.subscribe, () => forms.get(key));
  const parsed = entry === undefined ? null : schema.safeParse(entry.value);
  const value: z.infer<S> = parsed?.success === true ? parsed.data : initial;
  const set = useCallback((next: z.infer<S>) => forms.set(key, next), [forms, key]);
  const clear = useCallback(() => forms.clear(key), [forms, key]);
  return [value, set, clear];
}

/**
 * A field that edits the draft directly: what was typed but not applied (refused, or typed
 * during an IME composition) is kept with its error until the editor fixes or leaves it.
 * A refused entry keeps the header from saying "已保存".
 */
export function useFieldDraft<S extends z.ZodType>(key: string, schema: S) {
  const { forms } = useApp().store;
  const entry = useSyncExternalStore(forms.subscribe, () => forms.get(key));
  const parsed = entry === undefined ? null : schema.safeParse(entry.value);
  return {
    typed: parsed?.success === true ? parsed.data : null,
    error: parsed?.success === true ? (entry?.refused ?? null) : null,
    /** Keeps `value` in the field with its error message (or none, while composing). */
    hold: (value: z.infer<S>, message: string | null) => forms.set(key, value, message),
    clear: () => forms.clear(key),
  };
}
