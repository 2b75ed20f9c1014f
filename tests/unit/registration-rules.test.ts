import { describe, expect, it } from 'vitest';
import { groupIdNumber, idCheckCharacter, idNumberProblem } from '../../common/id-number.ts';
import { checkRegistration, fieldLabel, isCollective, maskName } from '../../common/registration.ts';
import { loadDivisions } from '../../server/reference/divisions.ts';
import { idNumber, registration } from '../support/registration.ts';

const divisions = loadDivisions();
const lists = { categories: ['城乡建设'], purposes: ['求决'], causes: ['政策落实不到位'], isPlace: divisions.isPlace };
const TODAY = '2026-11-25';

describe('registration rules', () => {
  it('accepts a complete registration', () => {
    expect(checkRegistration(registration(), lists, TODAY)).toBeNull();
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
