// Resident ID number (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence (odd =
// male), check character by ISO 7064 MOD 11-2. Birth date and gender are derived, never typed.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export interface IdNumberInfo {
  birthDate: string;
  gender: 'male' | 'female';
}

/** Birth date (YYYY-MM-DD) and gender of a valid ID number, or null if it is not valid. */
export function parseIdNumber(value: string): IdNumberInfo | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return null;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Province-level codes (the first two digits) of GB/T 2260, incl. Taiwan, Hong Kong and Macao. */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);

/**
 * What looks wrong in a complete (18-character) ID number, as precisely as can be known, so the
 * person corrects a digit instead of typing all 18 again: `area` (digits 1–6), `birth` (digits
 * 7–14: not a date, or in the future), or `check` (one digit is wrong somewhere — the check
 * character catches every single wrong digit but cannot say which). Null when it is valid.
 */
export function idNumberProblem(value: string, today: string): 'area' | 'birth' | 'check' | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'check';
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return 'area';
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || birthDate > today) return 'birth';
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check';
  return null;
}

/** An ID number as people read it off the card: 6-8-4 (area, birth date, sequence and check). */
export const groupIdNumber = (value: string) => [value.slice(0, 6), value.slice(6, 14), value.slice(14)].filter(Boolean).join(' ');

/** Full years of age on `today` of someone born on `birthDate` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
