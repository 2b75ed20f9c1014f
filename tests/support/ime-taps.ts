// Taps a person needs on the kiosk's pinyin keyboard: each letter (and ') is a tap, then page
// turns (下一页) to reach the word in the candidate bar, then the tap on the word.
import { candidates, normalizePinyin, type Dictionary } from '../../kiosk/ime/pinyin.ts';

/** Taps to enter the words, each typed as the given pinyin and picked as a whole. */
export function tapsToEnter(dict: Dictionary, words: ReadonlyArray<readonly [pinyin: string, word: string]>, pageSize: number): number {
  let taps = 0;
  for (const [pinyin, word] of words) {
    const typed = normalizePinyin(pinyin);
    const at = candidates(dict, typed).findIndex((c) => c.text === word && c.consumed === typed.length);
    if (at < 0) throw new Error(`${word} is not a candidate of ${pinyin}`);
    taps += typed.length + Math.floor(at / pageSize) + 1;
  }
  return taps;
}
