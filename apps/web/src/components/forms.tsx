import { type ReactNode, useId } from 'react';
import { Field } from '../ui';

export { centsOf, numberOf, slug } from '../values';

/** A list of like rows (sources, tiers, phases …): each in its own group, with add and remove. */
export function RowList<T>({
  legend,
  rows,
  onChange,
  blank,
  rowLabel,
  children,
  errors,
}: {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: () => T;
  rowLabel: (row: T, index: number) => string;
  children: (row: T, set: (changes: Partial<T>) => void, index: number) => ReactNode;
  errors?: string[];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {errors?.length ? <p className="field-error">{errors.join(' ')}</p> : null}
      {rows.map((row, index) => (
        <fieldset key={index} className="row-group">
          <legend>{rowLabel(row, index)}</legend>
          <div className="row">
            {children(
              row,
              (changes) => onChange(rows.map((r, i) => (i === index ? { ...r, ...changes } : r))),
              index,
            )}
          </div>
          <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {rowLabel(row, index)} entfernen
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, blank()])}>
        {legend}: weitere Zeile
      </button>
    </fieldset>
  );
}

/** A text or number input in a Field, bound to one value. */
export function Input({
  label,
  value,
  onChange,
  type = 'text',
  required,
  hint,
  errors,
  min,
  step,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'email';
  required?: boolean;
  hint?: string;
  errors?: string[];
  min?: number;
  step?: number | 'any';
}) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(props) => (
        <input
          type={type}
          required={required}
          min={min}
          step={step}
          {...props}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A select in a Field. */
export function Select<V extends string>({
  label,
  value,
  onChange,
  options,
  errors,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: Record<V, string>;
  errors?: string[];
}) {
  return (
    <Field label={label} errors={errors}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {(Object.entries(options) as [V, string][]).map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it. */
export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="radio">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
