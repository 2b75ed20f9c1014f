// The SMS texts (告知): how a person is addressed, the placeholders, configured texts, what counts
// as 退订, which numbers get SMS.
import { describe, expect, it } from 'vitest';
import { genderOfIdNumber, isMobile, isOptOut, maskPhone, normalPhone, politeName, renderSms } from '../../server/notify/templates.ts';
import { idNumber } from '../support/registration.ts';

describe('SMS templates', () => {
  it('addresses the person by surname and 先生/女士 only, or 您', () => {
    expect(politeName('王秀兰', 'female')).toBe('王女士');
    expect(politeName(' 李明 ', 'male')).toBe('李先生');
    expect(politeName('王秀兰', undefined)).toBe('您');
    expect(politeName('', 'male')).toBe('您');
  });

  it('reads the gender off a resident ID number', () => {
    expect(genderOfIdNumber(idNumber('19580307', 451))).toBe('male');
    expect(genderOfIdNumber(idNumber('19580307', 452))).toBe('female');
    expect(genderOfIdNumber('12345')).toBeUndefined();
  });

  it('fills the default text, or the configured one, and leaves unknown placeholders empty', () => {
    const facts = { name: '王女士', hall: '人民来访接待大厅', number: 'A001', service: '初访登记' };
    expect(renderSms('receipt', facts, {})).toMatch(/^王女士您好！您已在人民来访接待大厅登记，排队号A001（初访登记）/);
    expect(renderSms('receipt', facts, { receipt: '{name}，您的号是{number}。{unknown}' })).toBe('王女士，您的号是A001。');
  });

  it('takes 退订, TD, T, STOP, N and 取消 alone as declining, nothing longer', () => {
    for (const text of ['退订', ' TD ', 't', 'stop', 'N', '取消']) expect(isOptOut(text)).toBe(true);
    for (const text of ['不要退订', 'STOP IT', '谢谢', '']) expect(isOptOut(text)).toBe(false);
  });

  it('sends to mainland mobile numbers only, as digits, and masks them in logs', () => {
    expect(isMobile('13912345678')).toBe(true);
    expect(isMobile('0755-12345678')).toBe(false);
    expect(normalPhone('+86 139-1234-5678')).toBe('13912345678');
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});
