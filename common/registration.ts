// Registration (登记) rules shared by the kiosk (checks as the person types) and the server (the
// authoritative check at the edge). Pure: the configured lists and the division lookup come in.
import type { ErrorCode } from './errors.ts';
import { parseIdNumber } from './id-number.ts';
import type { IntakeBody } from './contract/registration.ts';

/** A collective visit (集体访) is more than this many people; they send at most this many representatives. */
export const MAX_REPRESENTATIVES = 5;

/** Mobile, or a landline with its area code (e.g. 01012345678, 0755-12345678). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const isCollective = (visitors: number, serviceCode: string, collectiveService: string) =>
  visitors > MAX_REPRESENTATIVES || serviceCode === collectiveService;

/** Names of the form fields as the person sees them, for messages that name the field. */
const FIELD_LABELS: Record<string, string> = {
  requestId: '提交编号',
  serviceCode: '业务',
  petitioner: '来访人信息',
  visit: '来访情况',
  matter: '反映的问题',
  'matter.topic': '事情的类别',
  'petitioner.name': '姓名',
  'petitioner.idNumber': '身份证号码',
  'petitioner.birthDate': '出生日期',
  'petitioner.gender': '性别',
  'petitioner.phone': '联系电话',
  'petitioner.address': '住址或工作单位',
  'petitioner.occupation': '职业',
  'petitioner.political': '政治面貌',
  'visit.visitors': '来访人数',
  visitors: '来访人数',
  'visit.repeat': '初访或重复访',
  representatives: '代表',
  'matter.category': '内容分类',
  'matter.purpose': '信访目的',
  'matter.placeCode': '问题属地',
  'matter.cause': '产生原因',
  'matter.problem': '反映的主要问题',
  'matter.demands': '诉求',
  'matter.responsibleSystem': '所属系统',
  'matter.hotIssue': '热点问题',
  remarks: '工作人员备注',
  answer: '现场答复',
  notificationAcknowledged: '一次性告知确认',
};

/** `representatives.2.idNumber` → 第3位代表的身份证号码. */
export function fieldLabel(path: string): string | null {
  const rep = /^representatives\.(\d+)\.(\w+)$/.exec(path);
  if (rep) {
    const inner = FIELD_LABELS[`petitioner.${rep[2]}`];
    return inner ? `第${Number(rep[1]) + 1}位代表的${inner}` : null;
  }
  return FIELD_LABELS[path] ?? null;
}

export interface RegistrationLists {
  /** The everyday topics the kiosk offers; the person picks one (其他 and 说不清 among them). */
  topics: readonly string[];
  categories: readonly string[];
  purposes: readonly string[];
  causes: readonly string[];
  /** True for a county-level (or city without counties) GB/T 2260 code. */
  isPlace: (code: string) => boolean;
}

export interface FieldProblem {
  code: ErrorCode;
  field: string;
}

/** The ID number's own check, and that the derived birth date is not in the future. */
export function checkIdNumber(value: string, today: string): ReturnType<typeof parseIdNumber> {
  const info = parseIdNumber(value);
  return info && info.birthDate <= today ? info : null;
}

/**
 * Who codes the matter. `kiosk`: the person picks an everyday topic and may leave the purpose
 * unknown; the official category and cause are left to the window. `window`: staff code the
 * category, purpose and cause (a walk-in, and every verification).
 */
export type MatterStage = 'kiosk' | 'window';

/**
 * The rules a well-formed registration must also meet (the schema has already checked shapes and
 * lengths). Returns the first problem, in the order the kiosk asks for the fields.
 */
export function checkRegistration(body: IntakeBody, lists: RegistrationLists, today: string, stage: MatterStage = 'kiosk'): FieldProblem | null {
  const { petitioner, visit, representatives = [], matter } = body;
  const info = checkIdNumber(petitioner.idNumber, today);
  if (!info) return { code: 'id_number_invalid', field: 'petitioner.idNumber' };
  if (info.birthDate !== petitioner.birthDate) return { code: 'id_derived_mismatch', field: 'petitioner.birthDate' };
  if (info.gender !== petitioner.gender) return { code: 'id_derived_mismatch', field: 'petitioner.gender' };
  if (!PHONE_PATTERN.test(petitioner.phone)) return { code: 'phone_invalid', field: 'petitioner.phone' };
  if (representatives.length + 1 > Math.min(visit.visitors, MAX_REPRESENTATIVES)) {
    return { code: 'too_many_representatives', field: 'representatives' };
  }
  const seen = new Set([petitioner.idNumber.toUpperCase()]);
  for (const [i, rep] of representatives.entries()) {
    if (!checkIdNumber(rep.idNumber, today)) return { code: 'id_number_invalid', field: `representatives.${i}.idNumber` };
    const id = rep.idNumber.toUpperCase();
    if (seen.has(id)) return { code: 'representative_duplicate', field: `representatives.${i}.idNumber` };
    seen.add(id);
    if (rep.phone !== undefined && !PHONE_PATTERN.test(rep.phone)) {
      return { code: 'phone_invalid', field: `representatives.${i}.phone` };
    }
  }
  if (stage === 'kiosk') {
    // A kiosk page loaded before the topics existed sends the official category instead: still taken.
    if (!matter.topic && !matter.category) return { code: 'choice_required', field: 'matter.topic' };
    if (matter.topic && !lists.topics.includes(matter.topic)) return { code: 'choice_unknown', field: 'matter.topic' };
  }
  return checkMatter(matter, lists, stage);
}

type MatterChoices = Pick<IntakeBody['matter'], 'category' | 'purpose' | 'placeCode' | 'cause'>;

/**
 * The matter's choices against the configured lists (also when staff correct them). At the kiosk
 * the official coding may be absent (empty); at the window it is required.
 */
export function checkMatter(matter: MatterChoices, lists: RegistrationLists, stage: MatterStage): FieldProblem | null {
  const choice = (field: 'category' | 'purpose' | 'cause', list: readonly string[]): FieldProblem | null => {
    const value = matter[field];
    if (!value) return stage === 'window' ? { code: 'choice_required', field: `matter.${field}` } : null;
    return list.includes(value) ? null : { code: 'choice_unknown', field: `matter.${field}` };
  };
  return (
    choice('category', lists.categories) ??
    choice('purpose', lists.purposes) ??
    (lists.isPlace(matter.placeCode) ? null : { code: 'choice_unknown', field: 'matter.placeCode' }) ??
    choice('cause', lists.causes)
  );
}

/**
 * The official category an everyday topic suggests, for the window to start from (工资被拖欠 →
 * 劳动和社会保障); '' when the topic suggests none or the category is no longer in the list.
 */
export function suggestedCategory(topic: string | null | undefined, topicCategories: Readonly<Record<string, string>>, categories: readonly string[]): string {
  const category = topic ? topicCategories[topic] : undefined;
  return category && categories.includes(category) ? category : '';
}

/** 张三丰 → 张**: where a name must appear outside the registration itself. */
export const maskName = (name: string) => (name ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : '');
