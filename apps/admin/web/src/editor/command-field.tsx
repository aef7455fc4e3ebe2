import { useState } from 'react';
import type { Command } from '@leshan/report-core';
import { Field } from '../ui/field.js';
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
 * command with report-core; a refused value stays in the box with its message beside it and is
 * never sent, a valid one is applied at once and saved with the next autosave.
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
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = typed ?? value;

  const change = (text: string) => {
    setTyped(text);
    const outcome = edit([command(text)], `修改${label}`, editKey);
    setError(outcome.ok ? null : outcome.message);
  };
  const blur = () => {
    if (error === null) setTyped(null);
  };

  return (
    <Field label={label} error={error} {...(hint === undefined ? {} : { hint })}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            value={shown}
            rows={Math.min(12, Math.max(3, Math.ceil(Array.from(shown).length / 40)))}
            readOnly={readOnly}
            disabled={disabled}
            onChange={(e) => change(e.target.value)}
            onBlur={blur}
          />
        ) : (
          <input
            {...control}
            type="text"
            value={shown}
            readOnly={readOnly}
            disabled={disabled}
            onChange={(e) => change(e.target.value)}
            onBlur={blur}
          />
        )
      }
    </Field>
  );
}
