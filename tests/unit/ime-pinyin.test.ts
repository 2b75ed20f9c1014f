// The kiosk keyboard's pinyin matching and ranking, on the real dictionary (kiosk/ime/pinyin-simp.txt,
// made from Rime's pinyin_simp by scripts/ime-dictionary.mjs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidates, displayPinyin, normalizePinyin, parseDictionary, restAfter, type Dictionary } from '../../kiosk/ime/pinyin.ts';
import { tapsToEnter } from '../support/ime-taps.ts';

const dict: Dictionary = parseDictionary(readFileSync(new URL('../../kiosk/ime/pinyin-simp.txt', import.meta.url), 'utf8'));

/** The candidates converting all of the typed pinyin, best first. */
const whole = (typed: string) => candidates(dict, typed).filter((c) => c.consumed === normalizePinyin(typed).length).map((c) => c.text);
const rank = (typed: string, word: string) => whole(typed).indexOf(word);

describe('pinyin candidates', () => {
  it('has the whole dictionary: tens of thousands of words of up to four syllables', () => {
    expect(dict.size).toBeGreaterThan(60_000);
    expect(dict.maxSyllables).toBe(4);
  });

  it('puts the most frequent word first for a full syllable', () => {
    expect(whole('zhang')[0]).toBe('张');
    expect(whole('zhang').slice(0, 5)).toEqual(expect.arrayContaining(['张', '长', '章']));
    expect(whole('wo')[0]).toBe('我');
  });

  it('finds words by full pinyin and by initials (abbreviations)', () => {
    expect(whole('gongzi')[0]).toBe('工资');
    expect(whole('zhangwei')[0]).toBe('张伟');
    expect(rank('bj', '北京')).toBeLessThan(3);
    expect(rank('bjs', '北京市')).toBe(0);
    expect(rank('gz', '工资')).toBeLessThan(6);
    expect(rank('zg', '中国')).toBeLessThan(3);
    expect(whole('chaoyangqu')[0]).toBe('朝阳区');
    expect(whole('sangeyue')[0]).toBe('三个月');
  });

  it('completes the last syllable still being typed', () => {
    expect(rank('zhangw', '张伟')).toBeLessThan(6);
    expect(rank('zhangwe', '张伟')).toBe(0);
    expect(rank('beijingsh', '北京市')).toBe(0);
  });

  it('reads ü as v or ü', () => {
    expect(normalizePinyin('LÜ')).toBe('lv');
    expect(whole('lv')).toContain('绿');
    expect(whole('lü')).toEqual(whole('lv'));
    expect(whole('nv')[0]).toBe('女');
    expect(displayPinyin(dict, 'lv')).toBe('lü');
  });

  it('splits xian as one syllable and xi\'an as two', () => {
    expect(whole('xian')[0]).toBe('先');
    expect(whole("xi'an")[0]).toBe('西安');
    expect(whole('xian')).toContain('西安'); // further down, as the less likely split
    expect(rank('xian', '西安')).toBeGreaterThan(rank("xi'an", '西安'));
    expect(displayPinyin(dict, 'xian')).toBe('xian');
    expect(displayPinyin(dict, "xi'an")).toBe("xi'an");
    expect(displayPinyin(dict, 'sangeyue')).toBe("san'ge'yue");
    expect(displayPinyin(dict, 'zhangwei')).toBe("zhang'wei");
  });

  it('offers the words of a leading part of a long input, longest first, and keeps the rest to type on', () => {
    const found = candidates(dict, 'tuoqiangongzi');
    expect(found[0]).toMatchObject({ text: '拖欠', consumed: 'tuoqian'.length });
    expect(restAfter('tuoqiangongzi', found[0]!.consumed)).toBe('gongzi');
    const city = candidates(dict, 'beijingshichaoyangqu');
    expect(city[0]).toMatchObject({ text: '北京市' });
    expect(restAfter('beijingshichaoyangqu', city[0]!.consumed)).toBe('chaoyangqu');
    expect(restAfter("xi'an", 3)).toBe('an');
  });

  it('still offers something for letters that do not split into syllables', () => {
    expect(whole('zhangi')).toEqual([]);
    expect(candidates(dict, 'zhangi')[0]?.text).toBe('张');
    expect(candidates(dict, '')).toEqual([]);
    expect(candidates(dict, "'")).toEqual([]);
    expect(candidates(dict, 'iii')).toEqual([]);
  });

  it('answers a lookup in a few milliseconds', () => {
    const inputs = ['zhang', 'bj', 'gz', 'zhangwei', 'beijingshichaoyangqu', 'tuoqiangongzisangeyue', 'x', 'sh', "xi'an", 'zhongguorenmin'];
    candidates(dict, 'warm');
    const start = performance.now();
    for (let i = 0; i < 10; i += 1) for (const q of inputs) candidates(dict, q);
    const each = (performance.now() - start) / (10 * inputs.length);
    // Measured about 1 ms on the 2-core build machine; the bound leaves room for a loaded one.
    expect(each).toBeLessThan(25);
  });
});

describe('taps to enter a text', () => {
  it('counts letters, candidate picks and page turns', () => {
    const pageSize = 6;
    expect(tapsToEnter(dict, [['zhangwei', '张伟']], pageSize)).toBe(9);
    expect(tapsToEnter(dict, [['zhangw', '张伟']], pageSize)).toBeLessThanOrEqual(8);
    expect(tapsToEnter(dict, [['bjs', '北京市'], ['chaoyangqu', '朝阳区']], pageSize)).toBe(15);
    expect(tapsToEnter(dict, [['tuoqian', '拖欠'], ['gongzi', '工资'], ['sangeyue', '三个月']], pageSize)).toBe(24);
  });
});
