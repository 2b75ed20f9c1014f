// 职业 and 政治面貌: optional, and when given one of the configured lists (the kiosk, the window's
// registration forms and the verification all check the same way).
import type { HallConfig } from '../config/schema.ts';
import { fieldError } from '../errors.ts';

export function checkPersonChoices(person: { occupation?: string; political?: string }, lists: HallConfig['registration'], prefix = 'petitioner'): void {
  if (person.occupation?.trim() && !lists.occupations.includes(person.occupation.trim())) throw fieldError('choice_unknown', `${prefix}.occupation`);
  if (person.political?.trim() && !lists.politicalStatuses.includes(person.political.trim())) throw fieldError('choice_unknown', `${prefix}.political`);
}
