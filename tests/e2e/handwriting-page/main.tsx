// Test-only page for tests/e2e/handwriting.test.ts: the handwriting pad alone, styled as on the
// kiosk (?large for 大字模式), with what was picked shown below it. Not part of the build.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../../../common/ui/base.css';
import '../../../kiosk/kiosk.css';
import { HandwritingPad } from '../../../kiosk/ime/handwriting-pad.tsx';

function Page() {
  const large = new URLSearchParams(location.search).has('large');
  const [text, setText] = useState('');
  return (
    <div class={large ? 'app elder' : 'app'}>
      <main class="kiosk">
        <h1>手写输入</h1>
        <output data-testid="picked">{text}</output>
        <HandwritingPad large={large} onPick={(c) => setText((t) => t + c)} />
      </main>
    </div>
  );
}

render(<Page />, document.getElementById('root')!);
