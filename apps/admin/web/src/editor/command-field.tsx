import { useRef } from 'react';
import type { ChangeEvent, CompositionEvent } from 'react';
import { z } from 'zod';
import type { Command } from '@leshan/report-core';
import { useApp } from '../layout/app-context.js';
import { Field } from '../ui/field.js';
import { useFieldDraft } from './use-form-draft.js';
import { useEdit } from './use-edit.js';

interface CommandFieldProps {
  label: string;
  value: string;
  /** The command that sets the field to `text`; report-core validates it before anything is sent. */
  command: (text: string) => Command;
  /** Coalescing key: typing in one field becomes one command and one undo step. */
  editKey: string;
  multiline?: boolean;
  hint?: string;
  readOnly?: boolean;
  disabled?: boolean;
}

/**
 * A text field that edits the report as you type. Every keystroke is checked by applying the
 * command with report-core; a refused value stays in the box with its message (kept in this
 * tab's form drafts, so it is still there after selecting another node or a reload) and is
 * never sent, a valid one is applied at once and saved with the next autosave. While an input
 * method composes (pinyin), nothing is applied and autosave waits: the text is applied when
 * the composition ends.
 */
export function CommandField({
  label,
  value,
  command,
  editKey,
  multiline = false,
  hint,
  readOnly = false,
  disabled = false,
}: CommandFieldProps) {
  const edit = useEdit();
  const { store } = useApp();
  const { typed, error, hold, clear: clearTyped } = useFieldDraft(`field:${editKey}`, z.string());
  const release = useRef<(() => void) | null>(null);
  const shown = typed ?? value;

  const apply = (text: string) => {
    const outcome = edit([command(text)], `修改${label}`, editKey);
    if (outcome.ok) clearTyped();
    else hold(text, outcome.message);
  };
  const change = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const text = event.target.value;
    const native = event.nativeEvent as Partial<InputEvent>;
    if (release.current !== null || native.isComposing === true) hold(text, null);
    else apply(text);
  };
  const compositionStart = () => {
    release.current ??= store.hold();
  };
  const compositionEnd = (event: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const text = event.currentTarget.value;
    const done = release.current;
    release.current = null;
    apply(text);
    done?.();
  };
  const blur = () => {
    if (error === null && release.current === null) clearTyped();
  };
  const control = {
    value: shown,
    readOnly,
    disabled,
    onChange: change,
    onBlur: blur,
    onCompositionStart: compositionStart,
    onCompositionEnd: compositionEnd,
  };

  return (
    <Field label={label} error={error} {...(hint === undefined ? {} : { hint })}>
      {(ids) =>
        multiline ? (
          <textarea
            {...ids}
            {...control}
            rows={Math.min(12, Math.max(3, Math.ceil(Array.from(shown).length / 40)))}
          />
        ) : (
          <input {...ids} {...control} type="text" />
        )
      }
    </Field>
  );
}
