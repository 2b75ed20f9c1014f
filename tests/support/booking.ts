// Bookings for tests: a valid body, and the public page's human check answered as a person would.
import type { Hall } from './hall.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A booking of service A at `start` on `day` for the person with this ID number. */
export function bookingBody(day: string, start: string, idNumber: string, serviceCode = 'A') {
  return { serviceCode, day, start, person: { name: '张建华', idNumber, phone: '13912345678', summary: '小区旧房改造停工，想当面反映。' } };
}

/** Fetches a human check and answers it (the sum of the two Chinese numerals in the question). */
export async function solveChallenge(hall: Pick<Hall, 'app'>): Promise<{ token: string; answer: number }> {
  const { token, question } = (await hall.app.inject({ url: '/api/booking/challenge' })).json() as { token: string; question: string };
  const [a, b] = [...question].filter((c) => NUMERALS.includes(c)).map((c) => NUMERALS.indexOf(c));
  return { token, answer: a! + b! };
}
