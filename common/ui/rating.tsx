// The five national levels as large buttons and, for 不满意 and 非常不满意, the reasons to choose
// (at least one). Shared by the window's evaluator and the kiosk's rating by the ticket's code.
import { useState } from 'preact/hooks';
import { LEVEL_LABELS, criteriaFor, isPoor } from '../evaluation.ts';
import { EVALUATION_LEVELS, type EvaluationCriterion, type EvaluationLevel } from '../vocabulary.ts';
import './rating.css';

function Reasons({ level, onSubmit, onBack }: { level: EvaluationLevel; onSubmit: (reasons: EvaluationCriterion[]) => void; onBack: () => void }) {
  const [chosen, setChosen] = useState<EvaluationCriterion[]>([]);
  const [missing, setMissing] = useState(false);
  const toggle = (code: EvaluationCriterion) => setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));
  const send = () => (chosen.length === 0 ? setMissing(true) : onSubmit(chosen));
  return (
    <section class="rating-reasons" aria-labelledby="reasons-title">
      <h2 id="reasons-title">您选择了“{LEVEL_LABELS[level]}”，请告诉我们哪些方面需要改进（可多选）：</h2>
      <div class="reason-list">
        {criteriaFor(level).map((c) => (
          <button key={c.code} type="button" class={`reason ${chosen.includes(c.code) ? 'chosen' : ''}`} aria-pressed={chosen.includes(c.code)} onClick={() => toggle(c.code)}>
            {c.label}
          </button>
        ))}
      </div>
      {missing && chosen.length === 0 && (
        <p class="rating-warning" role="alert">
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

/** Calls `onRate` with a good level at once, with a poor one after its reasons. */
export function Rating({ onRate, disabled = false }: { onRate: (level: EvaluationLevel, reasons: EvaluationCriterion[]) => void; disabled?: boolean }) {
  const [poor, setPoor] = useState<EvaluationLevel | null>(null);
  if (poor) {
    return (
      <Reasons
        level={poor}
        onBack={() => setPoor(null)}
        onSubmit={(reasons) => {
          setPoor(null);
          onRate(poor, reasons);
        }}
      />
    );
  }
  return (
    <div class="rating-levels">
      {EVALUATION_LEVELS.map((level) => (
        <button key={level} type="button" class={`level ${level}`} disabled={disabled} onClick={() => (isPoor(level) ? setPoor(level) : onRate(level, []))}>
          {LEVEL_LABELS[level]}
        </button>
      ))}
    </div>
  );
}
