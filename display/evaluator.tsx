// The window's evaluator (评价器): a small touchscreen beside the window, paired as device kind
// `evaluator`. Idle until the window completes a ticket; then 请您对本次服务进行评价 with the five
// national levels as large buttons; 不满意 and 非常不满意 ask for at least one reason.
import { PHRASES } from '../common/phrases.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { Rating } from '../common/ui/rating.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import { usePairing } from '../common/ui/use-pairing.ts';
import './evaluator.css';
import { fullWidth } from './text.ts';
import { useEvaluation } from './use-evaluation.ts';

export function Evaluator({ windowNo }: { windowNo: number }) {
  const pairing = usePairing();
  const { socket, connected } = useHallSocket({ windowNo, key: pairing.status });
  const { state, refusal, submit } = useEvaluation(socket);
  const header = (
    <header>
      <span>{windowNo}号窗口 服务评价</span>
      <ConnectionDot connected={connected} />
    </header>
  );
  if (pairing.status === 'failed') return <main class="evaluator idle">{fullWidth(pairing.message)}</main>;
  if (pairing.status === 'unpaired') return <main class="evaluator idle">本评价器尚未配对，请联系管理员。</main>;
  if (state.step === 'thanks') {
    return (
      <main class="evaluator thanks" data-testid="evaluator">
        {header}
        <h1>感谢您的评价！</h1>
        <p>{refusal ?? '我们将认真听取您的意见，不断改进工作。'}</p>
      </main>
    );
  }
  if (state.step === 'idle') {
    return (
      <main class="evaluator idle" data-testid="evaluator">
        {header}
        <p class="idle-text">{connected ? '办理结束后，欢迎您在这里对我们的服务进行评价。' : fullWidth(PHRASES.connectionLost)}</p>
      </main>
    );
  }
  return (
    <main class="evaluator rating" data-testid="evaluator">
      {header}
      <h1>请您对本次服务进行评价</h1>
      <p class="ticket-number">{state.invite.number} 号</p>
      {refusal && (
        <p class="rating-warning" role="alert">
          {refusal}
        </p>
      )}
      <Rating key={state.invite.ticketId} onRate={(level, reasons) => void submit({ level, reasons })} />
    </main>
  );
}
