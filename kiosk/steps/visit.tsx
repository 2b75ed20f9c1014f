import { useState } from 'preact/hooks';
import { MAX_REPRESENTATIVES } from '../../common/registration.ts';
import { representativeSlots, type Draft, type PersonDraft } from '../draft.ts';
import { Field, KeypadField, TextField } from '../fields.tsx';
import { Derived, liveIdProblem } from './identity.tsx';

export function VisitStep(props: {
  draft: Draft;
  today: string;
  problems: Record<string, string>;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { draft, problems, today } = props;
  const [keypad, setKeypad] = useState<string | null>(null);
  const group = draft.visitors > MAX_REPRESENTATIVES;
  const setVisitors = (visitors: number) => {
    const n = Math.max(1, Math.min(500, visitors));
    // A smaller group needs no representatives; keep them while still a group (nothing lost going back).
    props.onChange({ visitors: n, ...(n <= MAX_REPRESENTATIVES ? { representatives: [] } : {}) });
  };
  const setRep = (i: number, patch: Partial<PersonDraft>) =>
    props.onChange({ representatives: draft.representatives.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">请告诉我们来访的情况</h2>
      <Field id="visitors" label="今天一起来访的人数（含您本人）">
        <div class="stepper">
          <button type="button" class="key" aria-label="减少一人" onClick={() => setVisitors(draft.visitors - 1)}>
            −
          </button>
          <output id="visitors" class="count" data-testid="visitors" aria-live="polite">
            {draft.visitors} 人
          </output>
          <button type="button" class="key" aria-label="增加一人" onClick={() => setVisitors(draft.visitors + 1)}>
            +
          </button>
        </div>
      </Field>
      {group && (
        <div class="notice" role="note" data-testid="collective-note">
          <p>
            感谢您的配合。来访人数超过{MAX_REPRESENTATIVES}人时，请大家推选不超过{MAX_REPRESENTATIVES}名代表反映问题，其他人员请在休息区稍坐。
            您本人作为第1位代表，还可以登记{MAX_REPRESENTATIVES - 1}位代表的身份信息。
          </p>
        </div>
      )}
      {group &&
        draft.representatives.map((rep, i) => (
          <fieldset class="representative" key={i}>
            <legend class="field-label">第{i + 2}位代表</legend>
            <TextField
              id={`rep-${i}-name`}
              label="姓名"
              value={rep.name}
              maxLength={30}
              problem={problems[`representatives.${i}.name`]}
              open={keypad === `name-${i}`}
              onOpen={() => setKeypad(`name-${i}`)}
              onClose={() => setKeypad(null)}
              onInput={(name) => setRep(i, { name })}
            />
            <KeypadField
              id={`rep-${i}-idNumber`}
              label="身份证号码"
              placeholder="点此输入18位身份证号码"
              value={rep.idNumber}
              max={18}
              withX
              open={keypad === `${i}`}
              onOpen={() => setKeypad(keypad === `${i}` ? null : `${i}`)}
              onChange={(idNumber) => setRep(i, { idNumber })}
              problem={liveIdProblem(rep.idNumber, today) ?? problems[`representatives.${i}.idNumber`]}
            />
            <Derived idNumber={rep.idNumber} today={today} />
            <button type="button" class="secondary" onClick={() => props.onChange({ representatives: draft.representatives.filter((_, j) => j !== i) })}>
              删除这位代表
            </button>
          </fieldset>
        ))}
      {representativeSlots(draft) > 0 && (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            props.onChange({ representatives: [...draft.representatives, { name: '', idNumber: '', phone: '' }] });
            setKeypad(`${draft.representatives.length}`);
          }}
        >
          + 登记一位代表
        </button>
      )}
      <fieldset class={problems['visit.repeat'] ? 'choices has-problem' : 'choices'}>
        <legend class="field-label">这件事您以前来反映过吗？</legend>
        <div class="choice-grid two">
          <button type="button" class="choice" aria-pressed={draft.repeat === false} onClick={() => props.onChange({ repeat: false })}>
            第一次来（初访）
          </button>
          <button type="button" class="choice" aria-pressed={draft.repeat === true} onClick={() => props.onChange({ repeat: true })}>
            以前反映过（重复访）
          </button>
        </div>
        {problems['visit.repeat'] && (
          <p class="problem" role="alert">
            {problems['visit.repeat']}
          </p>
        )}
      </fieldset>
    </section>
  );
}
