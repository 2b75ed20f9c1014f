import type { RegistrationForm } from '../../common/contract/registration.ts';
import { pickPurpose, purposeLabels, type Draft } from '../draft.ts';
import { useState } from 'preact/hooks';
import { Choices, TextField } from '../fields.tsx';
import { PlacePicker } from '../place-picker.tsx';

export function MatterStep(props: { draft: Draft; form: RegistrationForm; problems: Record<string, string>; onChange: (patch: Partial<Draft>) => void }) {
  const { draft, form, problems, onChange } = props;
  // Plain questions the person can answer; the official category, purpose and cause are coded at the window.
  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">您要反映的事情和什么有关？</h2>
      <p class="lead">请点一下最接近的一项。拿不准也没关系，可以选“说不清”，窗口工作人员会帮您归类。</p>
      <Choices id="matter-topic" label="事情的类别" options={form.topics} value={draft.topic} onPick={(topic) => onChange({ topic })} problem={problems['matter.topic']} />
      <Choices
        id="matter-purpose"
        label="您希望怎样？"
        options={purposeLabels(form)}
        value={draft.purposeLabel}
        onPick={(label) => onChange(pickPurpose(form, label))}
        problem={problems['matter.purpose']}
      />
      <PlacePicker
        start={form.homePlace[1] ?? null}
        value={draft.placeCode}
        valueName={draft.placeName}
        onPick={(placeCode, placeName) => onChange({ placeCode, placeName })}
        problem={problems['matter.placeCode']}
      />
    </section>
  );
}

export function WordsStep(props: { draft: Draft; form: RegistrationForm; problems: Record<string, string>; onChange: (patch: Partial<Draft>) => void }) {
  const { draft, form, problems, onChange } = props;
  const [keyboard, setKeyboard] = useState<'problem' | 'demands' | null>(null);
  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">请用您自己的话说说情况</h2>
      <p class="lead">请您别着急，慢慢写。简单写几句就可以，窗口工作人员会帮您补充完整。</p>
      <TextField
        id="matter-problem"
        label="反映的主要问题"
        rows={5}
        maxLength={2000}
        value={draft.problem}
        problem={problems['matter.problem']}
        open={keyboard === 'problem'}
        onOpen={() => setKeyboard('problem')}
        onClose={() => setKeyboard(null)}
        onInput={(problem) => onChange({ problem })}
      />
      <div class="phrases" role="group" aria-label="常用语，点一下即可加入">
        {form.helperPhrases.map((phrase) => (
          <button type="button" key={phrase} class="phrase" onClick={() => onChange({ problem: draft.problem + phrase })}>
            {phrase}
          </button>
        ))}
      </div>
      <TextField
        id="matter-demands"
        label="您的诉求（希望怎样解决）"
        rows={3}
        maxLength={1000}
        value={draft.demands}
        problem={problems['matter.demands']}
        open={keyboard === 'demands'}
        onOpen={() => setKeyboard('demands')}
        onClose={() => setKeyboard(null)}
        onInput={(demands) => onChange({ demands })}
      />
    </section>
  );
}
