// A short text typed in a table row and one action that uses it (a cancel reason, a new password).
import { useState } from 'preact/hooks';

export function InputAction(props: {
  label: string;
  placeholder: string;
  button: string;
  minLength?: number;
  type?: 'text' | 'password';
  onRun: (value: string) => void;
}) {
  const [value, setValue] = useState('');
  const min = props.minLength ?? 1;
  return (
    <span class="inline">
      <input type={props.type ?? 'text'} aria-label={props.label} placeholder={props.placeholder} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
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
    </span>
  );
}
