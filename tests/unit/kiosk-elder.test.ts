// What the kiosk says to an elderly petitioner (kiosk/elder.ts): from the configured age, read from
// the ID number on the service day; the desk's green channel, or the green number the kiosk issues.
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../common/id-number.ts';
import { elderlyHint } from '../../kiosk/elder.ts';
import { idNumber } from '../support/registration.ts';

const TODAY = '2026-11-25';

describe('the elderly at the kiosk', () => {
  it('counts full years on the service day', () => {
    expect(ageOn('1956-11-25', TODAY)).toBe(70);
    expect(ageOn('1956-11-26', TODAY)).toBe(69);
    expect(ageOn('1956-02-29', '2026-02-28')).toBe(69);
  });

  it('hints at the desk, or says the number will be green, from the configured age; nothing below it or when off', () => {
    const seventy = idNumber('19561125', 101);
    const sixtyNine = idNumber('19561126', 101);
    expect(elderlyHint({ age: 70, mode: 'hint' }, seventy, TODAY)).toContain('可以走绿色通道优先办理');
    expect(elderlyHint({ age: 70, mode: 'green' }, seventy, TODAY)).toBe('您好！您已年满70周岁，我们会为您取绿色通道号，优先为您办理。');
    expect(elderlyHint({ age: 70, mode: 'hint' }, sixtyNine, TODAY)).toBeNull();
    expect(elderlyHint({ age: 70, mode: 'off' }, seventy, TODAY)).toBeNull();
    expect(elderlyHint({ age: 70, mode: 'hint' }, seventy.slice(0, 17), TODAY)).toBeNull();
  });
});
