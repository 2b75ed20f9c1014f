import type { RegistrationForm } from '../../common/contract/registration.ts';
import type { Draft } from '../draft.ts';
import { useState } from 'preact/hooks';
import { Choices, TextField } from '../fields.tsx';
import { PlacePicker } from '../place-picker.tsx';

export function MatterStep(props: { draft: Draft; form: RegistrationForm; problems: Record<string, string>; onChange: (patch: Partial<Draft>) => void }) {
  const { draft, form, problems, onChange } = props;
  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">您反映的是哪方面的事情？</h2>
      <Choices id="matter-category" label="内容分类" options={form.categories} value={draft.category} onPick={(category) => onChange({ category })} problem={problems['matter.category']} />
      <Choices id="matter-purpose" label="您希望（信访目的）" options={form.purposes} value={draft.purpose} onPick={(purpose) => onChange({ purpose })} problem={problems['matter.purpose']} />
      <PlacePicker
        start={form.homePlace[1] ?? null}
        value={draft.placeCode}
        valueName={draft.placeName}
        onPick={(placeCode, placeName) => onChange({ placeCode, placeName })}
        problem={problems['matter.placeCode']}
      />
      <Choices id="matter-cause" label="您认为问题产生的原因" options={form.causes} value={draft.cause} onPick={(cause) => onChange({ cause })} problem={problems['matter.cause']} />
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
