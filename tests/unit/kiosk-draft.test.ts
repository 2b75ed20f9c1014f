import { describe, expect, it } from 'vitest';
import type { RegistrationForm } from '../../common/contract/registration.ts';
import { materialsFor, maskIdNumber, maskPhone, newDraft, pickPurpose, problemsOf, purposeLabels, representativeSlots, toBody } from '../../kiosk/draft.ts';
import { typeKey } from '../../kiosk/keypad.tsx';
import { checkRegistration } from '../../common/registration.ts';
import { loadDivisions } from '../../server/reference/divisions.ts';
import { idNumber, PERSON } from '../support/registration.ts';

const TODAY = '2026-11-25';
const FORM = {
  kioskPurposes: [
    { label: '请求解决问题', purpose: '求决' },
    { label: '对处理结果不服', purpose: '申诉' },
    { label: '反映干部违纪违法', purpose: '揭发控告' },
  ],
} as RegistrationForm;

function filled() {
  const draft = newDraft('A', 'D');
  return {
    ...draft,
    petitioner: { name: PERSON.name, idNumber: PERSON.idNumber, phone: PERSON.phone, address: PERSON.address, fromCard: false },
    repeat: false,
    topic: '干部作风',
    purposeLabel: '反映干部违纪违法',
    purpose: '揭发控告',
    placeCode: '110101',
    placeName: '北京市 北京市 东城区',
    problem: '  小区旧房改造停工两年。 ',
    demands: '尽快复工',
    acknowledged: true,
  };
}

describe('the kiosk draft', () => {
  it('asks for each missing field of a step in plain words', () => {
    const draft = newDraft('A', 'D');
    expect(Object.keys(problemsOf('identity', draft, TODAY)).sort()).toEqual(['petitioner.address', 'petitioner.idNumber', 'petitioner.name', 'petitioner.phone']);
    expect(problemsOf('visit', draft, TODAY)['visit.repeat']).toContain('初次来访');
    expect(problemsOf('identity', { ...draft, petitioner: { ...draft.petitioner, idNumber: '110101195803074521' } }, TODAY)['petitioner.idNumber']).toContain('有误');
    for (const step of ['identity', 'visit', 'matter', 'words', 'notice', 'review'] as const) expect(problemsOf(step, filled(), TODAY)).toEqual({});
  });

  it('becomes a body the server rules accept, with birth date and gender derived', () => {
    const body = toBody(filled(), TODAY);
    expect(body.petitioner).toMatchObject({ birthDate: PERSON.birthDate, gender: PERSON.gender, fromCard: false });
    expect(body.matter.problem).toBe('小区旧房改造停工两年。');
    // The kiosk sends the topic and the official purpose code; category and cause are the window's.
    expect(body.matter).toMatchObject({ topic: '干部作风', purpose: '揭发控告' });
    expect(body.matter).not.toHaveProperty('category');
    expect(body.matter).not.toHaveProperty('cause');
    const lists = { topics: ['干部作风', '说不清'], categories: ['纪检监察'], purposes: ['揭发控告'], causes: ['其他'], isPlace: loadDivisions().isPlace };
    expect(checkRegistration(body, lists, TODAY)).toBeNull();
    // 说不清: no purpose is sent, and the registration is still whole.
    const unsure = toBody({ ...filled(), topic: '说不清', ...pickPurpose(FORM, '说不清') }, TODAY);
    expect(unsure.matter).not.toHaveProperty('purpose');
    expect(checkRegistration(unsure, lists, TODAY)).toBeNull();
  });

  it('sends 是否接收短信通知 only when the person declined', () => {
    expect(toBody(filled(), TODAY).petitioner).not.toHaveProperty('smsNotify');
    const declined = filled();
    expect(toBody({ ...declined, petitioner: { ...declined.petitioner, smsNotify: false } }, TODAY).petitioner.smsNotify).toBe(false);
    expect(toBody({ ...declined, petitioner: { ...declined.petitioner, smsNotify: true } }, TODAY).petitioner).not.toHaveProperty('smsNotify');
  });

  it('keeps one request id for the whole registration and sends representatives only for a group', () => {
    const draft = { ...filled(), representatives: [{ name: '李建国', idNumber: idNumber('19620211', 31), phone: '' }] };
    expect(toBody(draft, TODAY).representatives).toEqual([]);
    const group = { ...draft, visitors: 8 };
    expect(toBody(group, TODAY).representatives).toEqual([{ name: '李建国', idNumber: idNumber('19620211', 31) }]);
    expect(toBody(group, TODAY).requestId).toBe(draft.requestId);
    expect(representativeSlots(group)).toBe(3);
    expect(newDraft('D', 'D').visitors).toBe(6);
    expect(newDraft('A', 'D').requestId).not.toBe(newDraft('A', 'D').requestId);
  });

  it('asks the purpose in plain words and keeps its official code', () => {
    expect(purposeLabels(FORM)).toEqual(['请求解决问题', '对处理结果不服', '反映干部违纪违法', '说不清']);
    expect(pickPurpose(FORM, '对处理结果不服')).toEqual({ purposeLabel: '对处理结果不服', purpose: '申诉' });
    expect(pickPurpose(FORM, '说不清')).toEqual({ purposeLabel: '说不清', purpose: '' });
    const empty = newDraft('A', 'D');
    expect(problemsOf('matter', empty, TODAY)['matter.topic']).toContain('说不清');
    expect(problemsOf('matter', empty, TODAY)['matter.purpose']).toContain('说不清');
    expect(problemsOf('matter', empty, TODAY)).not.toHaveProperty('matter.category');
    expect(problemsOf('matter', empty, TODAY)).not.toHaveProperty('matter.cause');
  });

  it('lists the materials of the service and of the purpose once, from the plain answer', () => {
    const form = { ...FORM, materials: { A: ['身份证'] }, purposeMaterials: { 揭发控告: ['证据线索'], 申诉: ['原处理决定'] } } as RegistrationForm;
    expect(materialsFor(form, filled())).toEqual(['身份证', '证据线索']);
    expect(materialsFor(form, { ...filled(), ...pickPurpose(form, '对处理结果不服') })).toEqual(['身份证', '原处理决定']);
    expect(materialsFor(form, { ...filled(), ...pickPurpose(form, '说不清') })).toEqual(['身份证']);
  });

  it('types on the keypad: X only as the 18th character, never past the length', () => {
    expect(typeKey('1101', 'X', 18)).toBe('1101');
    expect(typeKey('11010119580307452', 'X', 18)).toBe('11010119580307452X');
    expect(typeKey('11010119580307452X', '1', 18)).toBe('11010119580307452X');
    expect(typeKey('139', '⌫', 11)).toBe('13');
    expect(typeKey('139', 'clear', 11)).toBe('');
    expect(maskIdNumber(PERSON.idNumber)).toBe('110101********4526'.slice(0, 14) + PERSON.idNumber.slice(14));
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});
