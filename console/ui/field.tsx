// Labelled form controls for the console. The label wraps its control and names it through
// `for`/`id`, so the accessible name is the label text (the e2e tests and axe rely on it).
import type { ComponentChildren, JSX } from 'preact';

interface FieldProps {
  id: string;
  label: ComponentChildren;
  /** Spans the whole row of a `.grid` form. */
  wide?: boolean;
}

/** The label around one control; use the Labelled* components below unless the control is special. */
function Field({ id, label, wide, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <label class={wide ? 'form-field wide' : 'form-field'} for={id}>
      {label}
      {children}
    </label>
  );
}

/** The value of a text control, and what to do with each change. */
type TextProps = FieldProps & { value: string | number; onValue: (value: string) => void };
type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'label' | 'onInput' | 'value'>;
type TextareaProps = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'label' | 'onInput' | 'value'>;

export function LabelledInput({ id, label, wide, value, onValue, ...input }: TextProps & InputProps) {
  const control = <input id={id} value={value} onInput={(e) => onValue(e.currentTarget.value)} {...input} />;
  return <Field id={id} label={label} wide={wide}>{control}</Field>;
}

export function LabelledTextarea({ id, label, wide, value, onValue, ...textarea }: TextProps & TextareaProps) {
  const control = <textarea id={id} value={value} onInput={(e) => onValue(e.currentTarget.value)} {...textarea} />;
  return <Field id={id} label={label} wide={wide}>{control}</Field>;
}

/** An option given as its text (value and label alike) or as a value with its label. */
export type Choice = string | { value: string | number; label: string; disabled?: boolean };

/** A select whose options are the choices, after an empty first option when `empty` gives its text. */
export function LabelledSelect(props: FieldProps & { value: string | number; choices: readonly Choice[]; onValue: (value: string) => void; empty?: string; required?: boolean }) {
  const { id, label, wide, value, choices, onValue, empty, required } = props;
  return (
    <Field id={id} label={label} wide={wide}>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)} required={required}>
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((c) => {
          const { value: v, label: text, disabled } = typeof c === 'string' ? { value: c, label: c, disabled: undefined } : c;
          return (
            <option key={v} value={v} disabled={disabled}>
              {text}
            </option>
          );
        })}
      </select>
    </Field>
  );
}

/** A group of checkboxes choosing some of the options (services of a window, roles of a person). */
export function CheckboxGroup<T extends string>(props: { legend: string; options: ReadonlyArray<{ value: T; label: string }>; chosen: readonly T[]; onChange: (chosen: T[]) => void }) {
  return (
    <fieldset class="reasons">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="radio">
          <input type="checkbox" checked={props.chosen.includes(o.value)} onChange={() => props.onChange(toggled(props.chosen, o.value))} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The list with the item added, or removed when it was there. */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** One checkbox with its label after it. */
export function LabelledCheckbox({ id, label, checked, onChecked, required }: { id: string; label: ComponentChildren; checked: boolean; onChecked: (checked: boolean) => void; required?: boolean }) {
  return (
    <label class="radio" for={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked(e.currentTarget.checked)} required={required} />
      {label}
    </label>
  );
}
