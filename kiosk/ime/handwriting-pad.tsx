// Placeholder for the handwriting pad, built in parallel (it replaces this file at merge): the
// keyboard's 手写 tab compiles against this signature.
import type { JSX } from 'preact';

export function HandwritingPad(props: { onPick: (text: string) => void; large: boolean }): JSX.Element {
  return (
    <p class="ime-note" data-large={props.large} data-testid="handwriting-pad">
      手写输入正在准备中，请先使用拼音输入。
    </p>
  );
}
