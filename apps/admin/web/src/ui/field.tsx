import { useId } from 'react';
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  error?: string | null;
  hint?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, its control, a hint and the field's own error message, wired for screen readers. */
export function Field({ label, error = null, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint === undefined ? null : hintId, error === null ? null : errorId]
    .filter((x) => x !== null)
    .join(' ');
  return (
    <div className={error === null ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error !== null,
        ...(described === '' ? {} : { 'aria-describedby': described }),
      })}
      {hint === undefined ? null : (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error === null ? null : (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Tells the browser's password manager which password this is. */
  autoComplete: 'current-password' | 'new-password';
  error?: string | null;
  hint?: string;
  required?: boolean;
}

/** A password input in a Field (sign-in, account, first password, new user). */
export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  error,
  hint,
  required = false,
}: PasswordFieldProps) {
  return (
    <Field label={label} error={error ?? null} {...(hint === undefined ? {} : { hint })}>
      {(p) => (
        <input
          {...p}
          type="password"
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={required}
        />
      )}
    </Field>
  );
}

/** A form's own failure (what went wrong beyond one field), read out when it appears. */
export function FormFailure({ failure }: { failure: string | null }) {
  return failure === null ? null : (
    <p className="error-banner" role="alert">
      {failure}
    </p>
  );
}
