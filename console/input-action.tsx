// A short text typed in a table row and one action that uses it (a cancel reason, a new password).
// With `confirm`, a destructive action asks once more before it runs.
import { useState } from 'preact/hooks';
import { ConfirmButton } from './ui/confirm-button.tsx';

export function InputAction(props: {
  label: string;
  placeholder: string;
  button: string;
  minLength?: number;
  type?: 'text' | 'password';
  confirm?: string;
  onRun: (value: string) => void;
}) {
  const [value, setValue] = useState('');
  const min = props.minLength ?? 1;
  const run = () => {
    props.onRun(value.trim());
    setValue('');
  };
  return (
    <span class="inline">
      <input type={props.type ?? 'text'} aria-label={props.label} placeholder={props.placeholder} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      {props.confirm ? (
        <ConfirmButton label={props.button} confirm={props.confirm} disabled={value.trim().length < min} onConfirm={run} />
      ) : (
      <button
        type="button"
        class="link"
        disabled={value.trim().length < min}
        onClick={() => {
          props.onRun(value.trim());
          setValue('');
        }}
      >
        {props.button}
      </button>
      )}
    </span>
  );
}
