// A labelled text input of the booking page (the label names its control).
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  maxLength?: number;
  pattern?: string;
  inputMode?: 'tel' | 'numeric' | 'text';
}) {
  const { id, label, onInput, ...input } = props;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={id} {...input} onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
    </div>
  );
}
