import { describe, expect, it } from 'vitest';
import { groupIdNumber, idCheckCharacter, idNumberProblem } from '../../common/id-number.ts';
import { ERROR_MESSAGES } from '../../common/errors.ts';
import { checkMatter, checkRegistration, fieldLabel, isCollective, maskName, suggestedCategory } from '../../common/registration.ts';
import { loadDivisions } from '../../server/reference/divisions.ts';
import { idNumber, registration } from '../support/registration.ts';

const divisions = loadDivisions();
const lists = { topics: ['房屋和拆迁', '工资被拖欠', '说不清'], categories: ['城乡建设', '劳动和社会保障'], purposes: ['求决'], causes: ['政策落实不到位'], isPlace: divisions.isPlace };
/** As the kiosk sends it now: the person's topic, the purpose if they knew it, no official category or cause. */
const kioskMatter = { category: undefined, cause: undefined, topic: '工资被拖欠' };
/** The message the server answers with (server/errors.ts fills in the field's name). */
const say = (problem: { code: keyof typeof ERROR_MESSAGES; field: string } | null) => problem && ERROR_MESSAGES[problem.code].replace('{field}', fieldLabel(problem.field) ?? problem.field);
const TODAY = '2026-11-25';

describe('registration rules', () => {
  it('accepts a complete registration', () => {
    expect(checkRegistration(registration(), lists, TODAY)).toBeNull();
  });

  it('takes a kiosk registration with the everyday topic and no official category or cause', () => {
    expect(checkRegistration(registration({ matter: kioskMatter }), lists, TODAY)).toBeNull();
    // 说不清 as the purpose: none is sent.
    expect(checkRegistration(registration({ matter: { ...kioskMatter, topic: '说不清', purpose: undefined } }), lists, TODAY)).toBeNull();
    expect(checkRegistration(registration({ matter: { ...kioskMatter, topic: undefined } }), lists, TODAY)).toEqual({ code: 'choice_required', field: 'matter.topic' });
    expect(checkRegistration(registration({ matter: { ...kioskMatter, topic: '打官司' } }), lists, TODAY)).toEqual({ code: 'choice_unknown', field: 'matter.topic' });
    // What it does send is still checked against the lists.
    expect(checkRegistration(registration({ matter: { ...kioskMatter, purpose: '上访' } }), lists, TODAY)).toEqual({ code: 'choice_unknown', field: 'matter.purpose' });
    // A kiosk page loaded before the topics existed sends the official category: still taken.
    expect(checkRegistration(registration({ matter: { topic: undefined } }), lists, TODAY)).toBeNull();
  });

  it('requires the official coding at the window, and says so politely', () => {
    const coded = { category: '劳动和社会保障', purpose: '求决', placeCode: '110101', cause: '政策落实不到位' };
    expect(checkMatter(coded, lists, 'window')).toBeNull();
    const uncoded = checkMatter({ ...coded, category: '' }, lists, 'window');
    expect(uncoded).toEqual({ code: 'choice_required', field: 'matter.category' });
    expect(say(uncoded)).toBe('还没有选择内容分类，请选择后再提交。');
    expect(say(checkMatter({ ...coded, purpose: '' }, lists, 'window'))).toBe('还没有选择信访目的，请选择后再提交。');
    expect(say(checkMatter({ ...coded, cause: '' }, lists, 'window'))).toBe('还没有选择产生原因，请选择后再提交。');
    expect(checkMatter({ ...coded, category: '' }, lists, 'kiosk')).toBeNull();
    // A walk-in is coded by staff at once: the same requirement.
    expect(checkRegistration(registration({ matter: { ...kioskMatter, topic: undefined, category: '劳动和社会保障' } }), lists, TODAY, 'window')).toEqual({ code: 'choice_required', field: 'matter.cause' });
  });

  it('suggests the official category of a topic only while it is in the list', () => {
    const map = { 工资被拖欠: '劳动和社会保障', 房屋和拆迁: '已撤销的分类' };
    expect(suggestedCategory('工资被拖欠', map, lists.categories)).toBe('劳动和社会保障');
    expect(suggestedCategory('房屋和拆迁', map, lists.categories)).toBe('');
    expect(suggestedCategory('说不清', map, lists.categories)).toBe('');
    expect(suggestedCategory(null, map, lists.categories)).toBe('');
  });

  it('derives birth date and gender from the ID number and insists they match', () => {
    expect(checkRegistration(registration({ petitioner: { gender: 'male' } }), lists, TODAY)).toEqual({ code: 'id_derived_mismatch', field: 'petitioner.gender' });
    const born = idNumber('20261126', 12);
    expect(checkRegistration(registration({ petitioner: { idNumber: born, birthDate: '2026-11-26', gender: 'female' } }), lists, TODAY)?.code).toBe('id_number_invalid');
  });

  it('allows up to 5 people to register for a group, never more than came', () => {
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: '代表', idNumber: idNumber('19700101', 11 + 2 * i) }));
    expect(checkRegistration(registration({ visit: { visitors: 8 }, representatives: reps(4) }), lists, TODAY)).toBeNull();
    expect(checkRegistration(registration({ visit: { visitors: 3 }, representatives: reps(3) }), lists, TODAY)?.code).toBe('too_many_representatives');
    expect(isCollective(6, 'A', 'D')).toBe(true);
    expect(isCollective(5, 'A', 'D')).toBe(false);
    expect(isCollective(2, 'D', 'D')).toBe(true);
  });

  it('knows places down to the county', () => {
    expect(divisions.isPlace('330106')).toBe(true);
    expect(divisions.isPlace('330100')).toBe(false);
    expect(divisions.isPlace('330000')).toBe(false);
    expect(divisions.fullName('330106')).toBe('浙江省 杭州市 西湖区');
    expect(divisions.children(null)).toHaveLength(34);
  });

  it('names fields as the person sees them and masks names to the surname', () => {
    expect(fieldLabel('representatives.1.idNumber')).toBe('第2位代表的身份证号码');
    expect(fieldLabel('matter.placeCode')).toBe('问题属地');
    expect(maskName('王秀兰')).toBe('王**');
    expect(maskName('欧阳明远')).toBe('欧***');
  });
});

describe('where an ID number looks wrong', () => {
  const valid = idNumber('19580307', 452);
  const withCheck = (first17: string) => first17 + idCheckCharacter(first17);

  it('says nothing of a valid number, and groups it 6-8-4 as on the card', () => {
    expect(idNumberProblem(valid, TODAY)).toBeNull();
    expect(idNumberProblem(valid.toLowerCase(), TODAY)).toBeNull();
    expect(groupIdNumber(valid)).toBe(`110101 19580307 ${valid.slice(14)}`);
    expect(groupIdNumber('1101011958')).toBe('110101 1958');
  });

  it('points at the area code, the birth date, or one wrong digit', () => {
    expect(idNumberProblem(withCheck(`990101${valid.slice(6, 17)}`), TODAY)).toBe('area');
    expect(idNumberProblem(withCheck('11010119580230452'), TODAY)).toBe('birth');
    expect(idNumberProblem(withCheck('11010120261126452'), TODAY)).toBe('birth');
    expect(idNumberProblem(withCheck('11010118990101452'), TODAY)).toBe('birth');
    // Any single wrong digit anywhere is caught by the check character.
    for (let i = 14; i < 17; i++) {
      const wrong = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(idNumberProblem(wrong, TODAY)).toBe('check');
    }
    expect(idNumberProblem(`${valid.slice(0, 17)}${valid[17] === '1' ? '2' : '1'}`, TODAY)).toBe('check');
  });
});
