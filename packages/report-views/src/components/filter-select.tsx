/** @jsxRuntime automatic */
import type { ChangeEvent } from 'react';

export interface FilterSelectProps {
  /** The visible label. */
  label: string;
  /** The form field's name: the query parameter it sends without JavaScript. */
  name: string;
  /** The current value; '' (or undefined) is "all". */
  value: string | number | undefined;
  /** The option for "all", in the page's language. */
  allLabel: string;
  /** The choices as [value, label] pairs, in the order shown. */
  options: readonly (readonly [string | number, string])[];
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}

/** One filter of a server-submitted form: a labelled select whose first option is "all". */
export function FilterSelect(props: FilterSelectProps) {
  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value ?? ''} onChange={props.onChange}>
        <option value="">{props.allLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
