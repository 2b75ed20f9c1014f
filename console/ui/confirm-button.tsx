// A destructive action asks once more in place: the first press shows 确认… and 不, the second
// runs it. No browser dialog, so it works with the keyboard and in every browser the same way.
import { useState } from 'preact/hooks';

export function ConfirmButton(props: { label: string; confirm: string; onConfirm: () => void; disabled?: boolean; class?: string; ariaLabel?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class={props.class ?? 'link'} disabled={props.disabled} aria-label={props.ariaLabel} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={props.confirm}>
      <button
        type="button"
        class="danger"
        ref={(el) => el?.focus()}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirm}
      </button>
      <button type="button" class="link" onClick={() => setAsking(false)}>
        不，保留
      </button>
    </span>
  );
}
