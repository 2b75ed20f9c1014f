// The window's evaluator (评价器): a small touchscreen beside the window, paired as device kind
// `evaluator`. Idle until the window completes a ticket; then 请您对本次服务进行评价 with the five
// national levels as large buttons; 不满意 and 非常不满意 ask for at least one reason.
import { useState } from 'preact/hooks';
import { LEVEL_LABELS, criteriaFor, isPoor } from '../common/evaluation.ts';
import { PHRASES } from '../common/phrases.ts';
import { EVALUATION_LEVELS, type EvaluationCriterion, type EvaluationLevel } from '../common/vocabulary.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import { usePairing } from '../common/ui/use-pairing.ts';
import './evaluator.css';
import { fullWidth } from './text.ts';
import { useEvaluation } from './use-evaluation.ts';

function Reasons({ level, onSubmit, onBack }: { level: EvaluationLevel; onSubmit: (reasons: EvaluationCriterion[]) => void; onBack: () => void }) {
  const [chosen, setChosen] = useState<EvaluationCriterion[]>([]);
  const [missing, setMissing] = useState(false);
  const toggle = (code: EvaluationCriterion) => setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));
  const send = () => (chosen.length === 0 ? setMissing(true) : onSubmit(chosen));
  return (
    <section class="reasons" aria-labelledby="reasons-title">
      <h2 id="reasons-title">您选择了“{LEVEL_LABELS[level]}”，请告诉我们哪些方面需要改进（可多选）：</h2>
      <div class="reason-list">
        {criteriaFor(level).map((c) => (
          <button key={c.code} type="button" class={`reason ${chosen.includes(c.code) ? 'chosen' : ''}`} aria-pressed={chosen.includes(c.code)} onClick={() => toggle(c.code)}>
            {c.label}
          </button>
        ))}
      </div>
      {missing && chosen.length === 0 && (
        <p class="evaluator-warning" role="alert">
          请至少选择一项不满意的原因，以便我们改进工作。
        </p>
      )}
      <div class="reason-actions">
        <button type="button" class="back" onClick={onBack}>
          重新选择
        </button>
        <button type="button" class="send" onClick={send}>
          提交评价
        </button>
      </div>
    </section>
  );
}

export function Evaluator({ windowNo }: { windowNo: number }) {
  const pairing = usePairing();
  const { socket, connected } = useHallSocket({ windowNo, key: pairing.status });
  const { state, refusal, submit } = useEvaluation(socket);
  const [poor, setPoor] = useState<EvaluationLevel | null>(null);
  const choose = (level: EvaluationLevel) => (isPoor(level) ? setPoor(level) : void submit({ level, reasons: [] }));
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
        <p class="evaluator-warning" role="alert">
          {refusal}
        </p>
      )}
      {poor ? (
        <Reasons
          level={poor}
          onBack={() => setPoor(null)}
          onSubmit={(reasons) => {
            setPoor(null);
            void submit({ level: poor, reasons });
          }}
        />
      ) : (
        <div class="levels">
          {EVALUATION_LEVELS.map((level) => (
            <button key={level} type="button" class={`level ${level}`} onClick={() => choose(level)}>
              {LEVEL_LABELS[level]}
            </button>
          ))}
        </div>
      )}
    </main>
  );
}
