// The form to verify and complete the registration of the ticket being served (核对完成).
import { useEffect, useState } from 'preact/hooks';
import type { RegistrationForm, RegistrationView, VerifyBody } from '../common/contract/registration.ts';
import { suggestedCategory } from '../common/registration.ts';
import { ActionMessage, useAction } from './use-action.tsx';
import { LabelledInput, LabelledSelect, LabelledTextarea } from './ui/field.tsx';

/** The registration as the form starts: a kiosk registration's category pre-filled from the person's topic. */
function toVerifyBody(view: RegistrationView, form: RegistrationForm): VerifyBody {
  const { name, phone, address, occupation, political } = view.petitioner;
  const m = view.matter;
  return {
    petitioner: { name, phone, address, ...(occupation ? { occupation } : {}), ...(political ? { political } : {}) },
    visitors: view.visitors,
    matter: {
      category: m.category || suggestedCategory(m.topic, form.topicCategories, form.categories),
      purpose: m.purpose,
      placeCode: m.placeCode,
      cause: m.cause,
      problem: m.problem,
      demands: m.demands,
      responsibleSystem: m.responsibleSystem ?? '',
      ...(m.hotIssue ? { hotIssue: m.hotIssue } : {}),
    },
    remarks: view.remarks,
    answer: view.answer,
  };
}

/** A choice from one of the registration lists; '请选择' until one is chosen. */
function ListSelect(props: { id: string; label: string; value: string; options: readonly string[]; onChange: (v: string) => void; optional?: boolean }) {
  const empty = props.optional ? '（无）' : props.value ? undefined : '请选择';
  return <LabelledSelect id={props.id} label={props.label} value={props.value} choices={props.options} empty={empty} onValue={props.onChange} />;
}

export function VerifyForm({ ticketId, view, form, onVerified }: { ticketId: string; view: RegistrationView; form: RegistrationForm; onVerified: (view: RegistrationView) => void }) {
  const [draft, setDraft] = useState<VerifyBody>(() => toVerifyBody(view, form));
  useEffect(() => setDraft(toVerifyBody(view, form)), [view]);
  const action = useAction();
  const setP = (patch: Partial<VerifyBody['petitioner']>) => setDraft({ ...draft, petitioner: { ...draft.petitioner, ...patch } });
  const setM = (patch: Partial<VerifyBody['matter']>) => setDraft({ ...draft, matter: { ...draft.matter, ...patch } });
  return (
    <form
      class="verify"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run<RegistrationView>('PUT', `/api/tickets/${ticketId}/registration`, draft, (v) => {
          onVerified(v);
          return '登记信息已核对完成。';
        });
      }}
    >
      <div class="grid">
        <LabelledInput id="v-name" label="姓名" value={draft.petitioner.name} onValue={(name) => setP({ name })} required />
        <LabelledInput id="v-phone" label="联系电话" value={draft.petitioner.phone} onValue={(phone) => setP({ phone })} required />
        <LabelledInput id="v-address" label="住址或工作单位" wide value={draft.petitioner.address} onValue={(address) => setP({ address })} required />
        <ListSelect id="v-occupation" label="职业" value={draft.petitioner.occupation ?? ''} options={form.occupations} optional onChange={(occupation) => setP({ occupation })} />
        <ListSelect id="v-political" label="政治面貌" value={draft.petitioner.political ?? ''} options={form.politicalStatuses} optional onChange={(political) => setP({ political })} />
        <LabelledInput
          id="v-visitors"
          label="来访人数"
          type="number"
          min={Math.max(1, view.representatives.length + 1)}
          max={500}
          value={draft.visitors ?? view.visitors}
          onValue={(value) => setDraft({ ...draft, visitors: Math.max(1, Math.min(500, Number(value) || 1)) })}
        />
        <ListSelect id="v-category" label={view.matter.topic ? `内容分类（来访人选的：${view.matter.topic}）` : '内容分类'} value={draft.matter.category} options={form.categories} onChange={(category) => setM({ category })} />
        <ListSelect id="v-purpose" label="信访目的" value={draft.matter.purpose} options={form.purposes} onChange={(purpose) => setM({ purpose })} />
        <ListSelect id="v-cause" label="产生原因" value={draft.matter.cause} options={form.causes} onChange={(cause) => setM({ cause })} />
        <ListSelect id="v-system" label="所属系统" value={draft.matter.responsibleSystem} options={form.systems} onChange={(responsibleSystem) => setM({ responsibleSystem })} />
        <ListSelect id="v-hot" label="热点问题" value={draft.matter.hotIssue ?? ''} options={form.hotIssues} optional onChange={(hotIssue) => setM({ hotIssue })} />
        <LabelledTextarea id="v-problem" label="反映的主要问题" wide rows={4} value={draft.matter.problem} onValue={(problem) => setM({ problem })} required />
        <LabelledTextarea id="v-demands" label="诉求" wide rows={2} value={draft.matter.demands} onValue={(demands) => setM({ demands })} required />
        <LabelledTextarea id="v-answer" label="现场答复（将告知来访人）" wide rows={3} value={draft.answer} onValue={(answer) => setDraft({ ...draft, answer })} required />
        <LabelledTextarea id="v-remarks" label="工作人员备注" wide rows={2} value={draft.remarks} onValue={(remarks) => setDraft({ ...draft, remarks })} />
      </div>
      <ActionMessage message={action.message} />
      <button type="submit" disabled={action.busy}>
        核对完成
      </button>
    </form>
  );
}
