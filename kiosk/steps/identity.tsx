import { useState } from 'preact/hooks';
import { idNumberProblem } from '../../common/id-number.ts';
import { checkIdNumber } from '../../common/registration.ts';
import type { Draft } from '../draft.ts';
import { Choices, KeypadField, TextField } from '../fields.tsx';

const GENDER = { male: '男', female: '女' } as const;
const SMS_CHOICES = ['接收短信', '不接收'] as const;

/** Birth date and gender shown as soon as the ID number is complete and valid (never typed). */
export function Derived({ idNumber, today }: { idNumber: string; today: string }) {
  const info = idNumber.length === 18 ? checkIdNumber(idNumber, today) : null;
  if (!info) return null;
  const [y, m, d] = info.birthDate.split('-');
  return (
    <p class="derived" data-testid="derived">
      出生日期 {y}年{Number(m)}月{Number(d)}日 · 性别 {GENDER[info.gender]}
    </p>
  );
}

const ID_PROBLEMS = {
  area: '前6位（地区码）好像不对，请对照身份证核对，用 ⌫ 改正即可，不用全部重输。',
  birth: '第7到14位（出生日期）好像不对，请对照身份证核对，用 ⌫ 改正即可，不用全部重输。',
  check: '有一位数字输错了，请对照身份证逐位核对，用 ⌫ 改正即可，不用全部重输。',
} as const;

/** A problem with the ID number while it is typed: once all 18 characters are there, saying where. */
export const liveIdProblem = (idNumber: string, today: string) => {
  const problem = idNumber.length === 18 ? idNumberProblem(idNumber, today) : null;
  return problem ? ID_PROBLEMS[problem] : undefined;
};

export function IdentityStep(props: {
  draft: Draft;
  today: string;
  hasReader: boolean;
  /** The service being registered for (named when an ID card started the registration). */
  serviceName: string;
  problems: Record<string, string>;
  /** Said kindly to an elderly petitioner (kiosk/elder.ts). */
  elderHint?: string | null;
  /** The hall sends SMS: ask whether the person wants them. */
  askSms?: boolean;
  onChange: (patch: Partial<Draft['petitioner']>) => void;
}) {
  const { draft, today, problems } = props;
  const p = draft.petitioner;
  // One keyboard open at a time: the digit keypad of a number or the Chinese keyboard of a text.
  const [keypad, setKeypad] = useState<'idNumber' | 'phone' | 'name' | 'address' | null>(p.idNumber ? null : 'idNumber');
  const toggle = (field: 'idNumber' | 'phone') => setKeypad(keypad === field ? null : field);
  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">请登记您的身份信息</h2>
      {props.hasReader && !p.fromCard && <p class="notice">请将身份证放在读卡区，信息会自动填写；没有带身份证也可以在下面输入。</p>}
      {p.fromCard && (
        <p class="ok" role="status" data-testid="card-read">
          {draft.startedByCard ? `已读取您的身份证，为您办理“${props.serviceName}”。请核对下面的信息，并填写联系电话。` : '已读取您的身份证，请核对下面的信息。'}
        </p>
      )}
      <KeypadField
        id="petitioner-idNumber"
        label="身份证号码"
        placeholder="点此输入18位身份证号码"
        value={p.idNumber}
        max={18}
        withX
        open={keypad === 'idNumber'}
        onOpen={() => toggle('idNumber')}
        onChange={(idNumber) => props.onChange({ idNumber, fromCard: false })}
        problem={liveIdProblem(p.idNumber, today) ?? problems['petitioner.idNumber']}
      />
      <Derived idNumber={p.idNumber} today={today} />
      {props.elderHint && (
        <p class="ok" role="status" data-testid="elder-hint">
          {props.elderHint}
        </p>
      )}
      <TextField
        id="petitioner-name"
        label="姓名"
        value={p.name}
        maxLength={30}
        problem={problems['petitioner.name']}
        open={keypad === 'name'}
        onOpen={() => setKeypad('name')}
        onClose={() => setKeypad(null)}
        onInput={(name) => props.onChange({ name })}
      />
      <KeypadField
        id="petitioner-phone"
        label="联系电话"
        placeholder="点此输入手机号码"
        value={p.phone}
        max={12}
        open={keypad === 'phone'}
        onOpen={() => toggle('phone')}
        onChange={(phone) => props.onChange({ phone })}
        problem={problems['petitioner.phone']}
        hint="用于告知办理进展，我们会严格保密。"
      />
      {props.askSms && (
        <Choices
          id="petitioner-smsNotify"
          label="是否接收短信通知"
          options={SMS_CHOICES}
          value={p.smsNotify === false ? SMS_CHOICES[1] : SMS_CHOICES[0]}
          onPick={(choice) => props.onChange({ smsNotify: choice === SMS_CHOICES[0] })}
        />
      )}
      <TextField
        id="petitioner-address"
        label="住址或工作单位"
        value={p.address}
        maxLength={80}
        problem={problems['petitioner.address']}
        open={keypad === 'address'}
        onOpen={() => setKeypad('address')}
        onClose={() => setKeypad(null)}
        onInput={(address) => props.onChange({ address })}
      />
    </section>
  );
}
