// The SMS texts (告知) in polite language, configurable per template, with the only personal detail
// they may carry: the surname with 先生/女士. Pure: no clock, no store.
import type { HallConfig } from '../config/schema.ts';
import type { SmsTemplate } from '../store/records.ts';

/** The default texts; `{…}` are filled from the message's facts (unknown names are left out). */
const DEFAULT_TEMPLATES: Record<SmsTemplate, string> = {
  receipt:
    '{name}您好！您已在{hall}登记，排队号{number}（{service}），请留意大厅叫号。办理进度可凭取号单上的二维码，或身份证号码和手机号后四位，在大厅自助机查询。谢谢您的配合。',
  accepted: '{name}您好！您反映的信访事项已于{date}受理（编号{caseNumber}），我们将按信访程序尽快办理，请您耐心等待。{hall}',
  closed: '{name}您好！您反映的信访事项（编号{caseNumber}）已于{date}办结，书面答复将送达您。对答复不服的，可在收到答复之日起30日内请求复查。{hall}',
  invite: '{name}您好！感谢您今天到{hall}来访。欢迎您对本次服务（{number}号）进行评价：{days}日内在大厅自助机扫描取号单上的二维码即可评价。谢谢您的支持！',
  booking: '{name}您好！您已成功预约{hall}{service}，时间{when}，预约码{code}。请提前到大厅自助机刷身份证或输入预约码签到。谢谢您的配合。',
};

export type SmsFacts = Partial<Record<'name' | 'hall' | 'number' | 'service' | 'date' | 'caseNumber' | 'days' | 'code' | 'when', string>>;

/** The text of a template: the configured one or the default, its placeholders filled. */
export function renderSms(template: SmsTemplate, facts: SmsFacts, configured: HallConfig['notify']['sms']['templates']): string {
  const text = configured[template] ?? DEFAULT_TEMPLATES[template];
  return text.replace(/\{(\w+)\}/g, (_, key: string) => facts[key as keyof SmsFacts] ?? '');
}

/** How a message addresses the person: 王女士 / 李先生, never the full name (您 when unknown). */
export function politeName(name: string | undefined, gender: 'male' | 'female' | undefined): string {
  const surname = [...(name ?? '').trim()][0];
  if (!surname || !gender) return '您';
  return `${surname}${gender === 'male' ? '先生' : '女士'}`;
}

/** The gender on a resident ID number (17th digit odd = male), if it has one. */
export function genderOfIdNumber(idNumber: string): 'male' | 'female' | undefined {
  const digit = Number(idNumber.charAt(16));
  return Number.isNaN(digit) || idNumber.length !== 18 ? undefined : digit % 2 === 1 ? 'male' : 'female';
}

/** SMS reach mainland mobile numbers only (a landline is never queued). */
export const isMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, ''));

/** The number as the gateway and the blind index take it: digits only. */
export const normalPhone = (phone: string) => phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

/** A number as a log line may show it: 139****5678. */
export const maskPhone = (phone: string) => phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2');

/** What an inbound message says when the person declines: 退订, TD, STOP, N (alone, any case). */
export const isOptOut = (text: string) => /^\s*(退订|TD|T|STOP|N|UNSUBSCRIBE|取消)\s*$/i.test(text);
