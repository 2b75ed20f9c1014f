// The other representatives of a group visit (集体访): at most five people register in all, and
// never more than came. Removing one asks first.
import type { IntakeBody } from '../common/contract/registration.ts';
import { ConfirmButton } from './ui/confirm-button.tsx';
import { LabelledInput } from './ui/field.tsx';

export type RepresentativeDraft = { name: string; idNumber: string; phone: string };
type Representative = NonNullable<IntakeBody['representatives']>[number];

/** The drafts as the wire wants them (no empty phone). */
export const toRepresentatives = (reps: RepresentativeDraft[]): Representative[] =>
  reps.map((r) => ({ name: r.name.trim(), idNumber: r.idNumber.toUpperCase(), ...(r.phone ? { phone: r.phone } : {}) }));

export function RepresentativesEditor({ reps, visitors, onChange }: { reps: RepresentativeDraft[]; visitors: number; onChange: (reps: RepresentativeDraft[]) => void }) {
  const room = Math.min(visitors, 5) - 1;
  const set = (i: number, patch: Partial<RepresentativeDraft>) => onChange(reps.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (room <= 0 && reps.length === 0) return null;
  return (
    <fieldset class="representatives wide">
      <legend>其他代表（集体来访推选，连同来访人最多 5 人）</legend>
      {reps.map((r, i) => (
        <div class="grid" key={i} data-testid={`representative-${i + 1}`}>
          <LabelledInput id={`rep-${i}-name`} label={`代表${i + 1} 姓名`} value={r.name} maxLength={30} required onValue={(name) => set(i, { name })} />
          <LabelledInput id={`rep-${i}-id`} label={`代表${i + 1} 身份证号码`} value={r.idNumber} maxLength={18} pattern="\d{17}[\dXx]" required onValue={(idNumber) => set(i, { idNumber })} />
          <LabelledInput id={`rep-${i}-phone`} label={`代表${i + 1} 联系电话（选填）`} value={r.phone} maxLength={13} onValue={(phone) => set(i, { phone })} />
          <ConfirmButton label={`移除代表${i + 1}`} confirm={`确认移除代表${i + 1}`} onConfirm={() => onChange(reps.filter((_, j) => j !== i))} />
        </div>
      ))}
      {reps.length > room && <p class="error">代表人数不能超过来访人数，请移除多出的代表。</p>}
      <button type="button" class="secondary" disabled={reps.length >= room} onClick={() => onChange([...reps, { name: '', idNumber: '', phone: '' }])}>
        添加代表
      </button>
    </fieldset>
  );
}
