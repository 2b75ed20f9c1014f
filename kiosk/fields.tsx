// Form pieces shared by the steps: a field with its problem, choice buttons, a keypad-typed number,
// Chinese text typed on the on-screen keyboard.
import type { ComponentChildren, Ref } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { ElderMode } from './elder.ts';
import { groupIdNumber } from '../common/id-number.ts';
import { ImeKeyboard } from './ime/keyboard.tsx';
import { preloadDictionary } from './ime/use-dictionary.ts';
import './ime/ime.css';
import { Keypad, typeKey } from './keypad.tsx';

export function Field(props: {
  id: string;
  label: string;
  problem?: string | undefined;
  children: ComponentChildren;
  hint?: string;
  fieldRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div class={props.problem ? 'field has-problem' : 'field'} ref={props.fieldRef}>
      <label class="field-label" for={props.id} id={`${props.id}-label`}>
        {props.label}
      </label>
      {props.children}
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.problem && (
        <p class="problem" role="alert" id={`${props.id}-problem`}>
          {props.problem}
        </p>
      )}
    </div>
  );
}

/**
 * Chinese text (names, addresses, the matter) typed on the on-screen keyboard (ime/), which opens
 * below the field when it is touched and scrolls the field to the top of the screen; a physical
 * keyboard still types into it.
 */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  maxLength: number;
  problem?: string | undefined;
  /** A textarea of this many rows; otherwise one line. */
  rows?: number;
  /** The on-screen keyboard is open for this field (one field at a time). */
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onInput: (value: string) => void;
}) {
  const field = useRef<HTMLDivElement>(null);
  const elder = useContext(ElderMode);
  // The field at the top of the screen, its keyboard below it, above the actions bar.
  const reveal = () => field.current?.scrollIntoView({ block: 'start' });
  useEffect(() => {
    if (props.open) reveal();
  }, [props.open, elder]);
  useEffect(preloadDictionary, []);
  const open = () => {
    props.onOpen();
    reveal();
  };
  const common = {
    id: props.id,
    class: 'text',
    value: props.value,
    maxLength: props.maxLength,
    // No system keyboard: the kiosk's own opens instead.
    inputMode: 'none' as const,
    onFocus: props.onOpen,
    onClick: open,
    'aria-describedby': props.problem ? `${props.id}-problem` : undefined,
  };
  return (
    <Field id={props.id} label={props.label} problem={props.problem} fieldRef={field}>
      {props.rows ? (
        <textarea {...common} rows={props.rows} onInput={(e) => props.onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} autocomplete="off" onInput={(e) => props.onInput(e.currentTarget.value)} />
      )}
      {props.open && <ImeKeyboard value={props.value} maxLength={props.maxLength} onChange={props.onInput} onClose={props.onClose} />}
    </Field>
  );
}

/** A number typed on the on-screen keypad; tapping the box opens its keypad. */
export function KeypadField(props: {
  id: string;
  label: string;
  value: string;
  max: number;
  /** An ID number: X allowed as the last character, shown 6-8-4 as printed on the card. */
  withX?: boolean;
  open: boolean;
  onOpen: () => void;
  onChange: (value: string) => void;
  problem?: string | undefined;
  hint?: string;
  placeholder: string;
}) {
  return (
    <Field id={props.id} label={props.label} problem={props.problem} {...(props.hint ? { hint: props.hint } : {})}>
      <button
        type="button"
        id={props.id}
        class={props.open ? 'number-box active' : 'number-box'}
        aria-expanded={props.open}
        aria-describedby={props.problem ? `${props.id}-problem` : undefined}
        onClick={props.onOpen}
        data-testid={props.id}
      >
        {props.value ? (props.withX ? groupIdNumber(props.value) : props.value) : <span class="placeholder">{props.placeholder}</span>}
      </button>
      {props.open && (
        <Keypad withX={props.withX ?? false} label={`${props.label}键盘`} onKey={(key) => props.onChange(typeKey(props.value, key, props.max))} />
      )}
    </Field>
  );
}

export function Choices(props: {
  id: string;
  label: string;
  options: readonly string[];
  value: string;
  onPick: (value: string) => void;
  problem?: string | undefined;
}) {
  return (
    <fieldset class={props.problem ? 'choices has-problem' : 'choices'} id={props.id}>
      <legend class="field-label">{props.label}</legend>
      <div class="choice-grid">
        {props.options.map((option) => (
          <button type="button" key={option} class="choice" aria-pressed={props.value === option} onClick={() => props.onPick(option)}>
            {option}
          </button>
        ))}
      </div>
      {props.problem && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
    </fieldset>
  );
}
