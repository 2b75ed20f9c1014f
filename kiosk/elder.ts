// Elderly petitioners: 大字模式 for components deep in a step (the on-screen keyboard, the handwriting pad); sizes in
// rem follow it through kiosk.css already.
import { createContext } from 'preact';
import type { RegistrationForm } from '../common/contract/registration.ts';
import { ageOn } from '../common/id-number.ts';
import { checkIdNumber } from '../common/registration.ts';

export const ElderMode = createContext(false);

/**
 * What the kiosk says, kindly, to a petitioner at or above the hall's age (read from the ID
 * number): the desk gives priority, or this number will be a green one. Null below that age.
 */
export function elderlyHint(elderly: RegistrationForm['elderly'], idNumber: string, today: string): string | null {
  const info = idNumber.length === 18 ? checkIdNumber(idNumber, today) : null;
  if (!info || elderly.mode === 'off' || ageOn(info.birthDate, today) < elderly.age) return null;
  return elderly.mode === 'green'
    ? `您好！您已年满${elderly.age}周岁，我们会为您取绿色通道号，优先为您办理。`
    : `您好！年满${elderly.age}周岁的来访人可以走绿色通道优先办理。如需要，请到服务台告诉工作人员；您也可以继续在这里登记。`;
}
