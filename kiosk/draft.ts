// The registration being filled in at the kiosk, kept whole across steps (going back loses
// nothing) and turned into the request body once, with its request id, at submit.
import type { IntakeBody, RegistrationForm } from '../common/contract/registration.ts';
import { checkIdNumber, MAX_REPRESENTATIVES, PHONE_PATTERN } from '../common/registration.ts';

export interface PersonDraft {
  name: string;
  idNumber: string;
  phone: string;
}

export interface Draft {
  /** Made when the registration starts; a resubmit after a dropped connection reuses it. */
  requestId: string;
  serviceCode: string;
  /** `smsNotify`: 是否接收短信通知 (asked only where the hall sends SMS; yes unless declined). */
  petitioner: PersonDraft & { address: string; fromCard: boolean; smsNotify?: boolean };
  visitors: number;
  repeat: boolean | null;
  representatives: PersonDraft[];
  /** The everyday topic picked (其他, 说不清 among them); the window codes the official category. */
  topic: string;
  /** The purpose as the person answered it (请求解决问题, …, 说不清) and the official code it stands for ('' when unknown). */
  purposeLabel: string;
  purpose: string;
  placeCode: string;
  placeName: string;
  problem: string;
  demands: string;
  acknowledged: boolean;
  /** Begun by an ID card placed on the welcome screen. */
  startedByCard?: boolean;
}

export const STEPS = [
  { id: 'identity', title: '身份信息' },
  { id: 'visit', title: '来访情况' },
  { id: 'matter', title: '事情类别' },
  { id: 'words', title: '问题和诉求' },
  { id: 'notice', title: '材料告知' },
  { id: 'review', title: '核对提交' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newDraft(serviceCode: string, collectiveService: string, repeat: boolean | null = null): Draft {
  return {
    requestId: newRequestId(),
    serviceCode,
    petitioner: { name: '', idNumber: '', phone: '', address: '', fromCard: false },
    visitors: serviceCode === collectiveService ? MAX_REPRESENTATIVES + 1 : 1,
    repeat,
    representatives: [],
    topic: '',
    purposeLabel: '',
    purpose: '',
    placeCode: '',
    placeName: '',
    problem: '',
    demands: '',
    acknowledged: false,
  };
}

/** Problems of one step, by field, in plain words; empty when the person may go on. */
export function problemsOf(step: StepId, draft: Draft, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const person = (prefix: string, p: PersonDraft, phoneRequired: boolean) => {
    if ([...p.name.trim()].length < 2) problems[`${prefix}.name`] = '请填写姓名。';
    if (p.idNumber.length < 18) problems[`${prefix}.idNumber`] = '请输入18位身份证号码。';
    else if (!checkIdNumber(p.idNumber, today)) problems[`${prefix}.idNumber`] = '身份证号码有误，请核对后重新输入。';
    if ((phoneRequired || p.phone) && !PHONE_PATTERN.test(p.phone)) problems[`${prefix}.phone`] = '请输入11位手机号码或带区号的固定电话。';
  };
  switch (step) {
    case 'identity':
      person('petitioner', draft.petitioner, true);
      if (draft.petitioner.address.trim().length < 2) problems['petitioner.address'] = '请填写住址或工作单位。';
      break;
    case 'visit': {
      if (draft.repeat === null) problems['visit.repeat'] = '请选择是初次来访还是重复来访。';
      const ids = new Set([draft.petitioner.idNumber]);
      draft.representatives.forEach((rep, i) => {
        person(`representatives.${i}`, rep, false);
        if (ids.has(rep.idNumber)) problems[`representatives.${i}.idNumber`] = '这位代表已经登记过了，请核对。';
        ids.add(rep.idNumber);
      });
      break;
    }
    case 'matter':
      if (!draft.topic) problems['matter.topic'] = '请点一下最接近的一项；拿不准也可以选“说不清”。';
      if (!draft.purposeLabel) problems['matter.purpose'] = '请点一下您希望怎样；拿不准也可以选“说不清”。';
      if (!draft.placeCode) problems['matter.placeCode'] = '请选择事情发生在哪里（区县）。';
      break;
    case 'words':
      if (draft.problem.trim().length < 5) problems['matter.problem'] = '请简要写下您反映的主要问题（至少5个字）。';
      if (draft.demands.trim().length < 2) problems['matter.demands'] = '请写下您的诉求。';
      break;
    case 'notice':
      if (!draft.acknowledged) problems.notificationAcknowledged = '请阅读材料清单后点“我已知晓”。';
      break;
    case 'review':
      break;
  }
  return problems;
}

/** How many other representatives a group may still add. */
export const representativeSlots = (draft: Draft) =>
  draft.visitors > MAX_REPRESENTATIVES ? MAX_REPRESENTATIVES - 1 - draft.representatives.length : 0;

export function toBody(draft: Draft, today: string): IntakeBody {
  const p = draft.petitioner;
  const info = checkIdNumber(p.idNumber, today);
  if (!info) throw new Error('the identity step lets only a valid ID number through');
  return {
    requestId: draft.requestId,
    serviceCode: draft.serviceCode,
    petitioner: {
      name: p.name.trim(),
      idNumber: p.idNumber,
      birthDate: info.birthDate,
      gender: info.gender,
      phone: p.phone,
      address: p.address.trim(),
      fromCard: p.fromCard,
      ...(p.smsNotify === false ? { smsNotify: false } : {}),
    },
    visit: { visitors: draft.visitors, repeat: draft.repeat === true },
    representatives: draft.visitors > MAX_REPRESENTATIVES
      ? draft.representatives.map((r) => ({ name: r.name.trim(), idNumber: r.idNumber, ...(r.phone ? { phone: r.phone } : {}) }))
      : [],
    matter: {
      topic: draft.topic,
      ...(draft.purpose ? { purpose: draft.purpose } : {}),
      placeCode: draft.placeCode,
      problem: draft.problem.trim(),
      demands: draft.demands.trim(),
    },
    notificationAcknowledged: true,
  };
}

/** The kiosk's answer for a purpose the person cannot tell: no official purpose is sent. */
const PURPOSE_UNKNOWN = '说不清';

/** The purpose answers the kiosk offers, in plain words, with 说不清 last. */
export const purposeLabels = (form: RegistrationForm) => [...form.kioskPurposes.map((p) => p.label), PURPOSE_UNKNOWN];

/** A purpose answer → the draft's label and official code ('' for 说不清). */
export const pickPurpose = (form: RegistrationForm, label: string): Pick<Draft, 'purposeLabel' | 'purpose'> => ({
  purposeLabel: label,
  purpose: form.kioskPurposes.find((p) => p.label === label)?.purpose ?? '',
});

/** One-time notification: the service's materials, then those its purpose adds. */
export const materialsFor = (form: RegistrationForm, draft: Draft) => [
  ...(form.materials[draft.serviceCode] ?? []),
  ...(form.purposeMaterials[draft.purpose] ?? []),
];

/** 110101195803074526 → 110101********4526, for screens others may glance at. */
export const maskIdNumber = (id: string) => (id.length === 18 ? `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}` : id);
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone);
