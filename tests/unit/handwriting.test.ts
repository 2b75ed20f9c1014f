// The handwriting recogniser (zinnia + the Tegaki Simplified Chinese model, Debian packages) on
// the stroke medians of real characters (Make Me a Hanzi): a name, an address and everyday words
// must come back among the first candidates; over every character of the UI texts, top-1/top-5
// accuracy and latency are measured and printed. Then the process management: a recogniser
// that is missing, hangs or dies is refused politely and started again.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../common/errors.ts';
import { PHRASES } from '../../common/phrases.ts';
import { RecognizerUnavailable } from '../../server/ime/recognizer.ts';
import { createZinniaRecognizer, zinniaLine } from '../../server/ime/zinnia.ts';
import { thin, toInk } from '../../kiosk/ime/ink.ts';
import { INK_LIMITS } from '../../common/ink.ts';
import { inkOf } from '../support/ink.ts';
import { ZINNIA, zinniaAvailable } from '../support/zinnia.ts';

const recogniser = createZinniaRecognizer(ZINNIA);
afterAll(() => recogniser.close());

const recognise = (character: string) => {
  const ink = inkOf(character);
  if (!ink) throw new Error(`no stroke data for ${character}`);
  return recogniser.recognize(ink);
};

describe.runIf(zinniaAvailable)('zinnia recognises real strokes', () => {
  // A name, an address and the words of a matter, as a petitioner writes them.
  const WRITTEN = { name: '李秀英', address: '人民路幸福', words: '工资信访拖欠反映' };

  for (const [what, text] of Object.entries(WRITTEN)) {
    it(`${what}: ${text}, each character in the first five candidates`, async () => {
      for (const character of text) {
        const candidates = await recognise(character);
        expect(candidates.length).toBeLessThanOrEqual(10);
        expect(candidates.slice(0, 5), character).toContain(character);
      }
    });
  }

  it('every character of the UI texts: top-5 accuracy at least 80 %, measured', async () => {
    const text = Object.values(ERROR_MESSAGES).join('') + JSON.stringify(PHRASES);
    const characters = [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c)))].filter((c) => inkOf(c));
    let top1 = 0;
    let top5 = 0;
    const times: number[] = [];
    const misses: string[] = [];
    for (const character of characters) {
      const started = performance.now();
      const candidates = await recognise(character);
      times.push(performance.now() - started);
      if (candidates[0] === character) top1++;
      if (candidates.slice(0, 5).includes(character)) top5++;
      else misses.push(character);
    }
    times.sort((a, b) => a - b);
    const pct = (n: number) => `${((100 * n) / characters.length).toFixed(1)} %`;
    const ms = (q: number) => `${times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1)} ms`;
    console.info(
      `handwriting: ${characters.length} characters, top-1 ${pct(top1)}, top-5 ${pct(top5)}; ` +
        `latency median ${ms(0.5)}, p95 ${ms(0.95)}, max ${ms(1)}; not in top 5: ${misses.join('')}`,
    );
    expect(characters.length).toBeGreaterThan(200);
    expect(top5 / characters.length).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});

describe('the S-expression line', () => {
  it('is one line with the tag, the box and integer points', () => {
    expect(zinniaLine('r7', [[[0, 0], [10.4, 20]], [[1000, 1000]]])).toBe(
      '(character (value r7)(width 1000)(height 1000)(strokes ((0 0)(10 20))((1000 1000))))\n',
    );
  });
});

describe("the pad's ink", () => {
  it('scales CSS pixels of the square into the 1000 box as integers, clamped', () => {
    expect(toInk([[[0, 0], [150, 75.3], [300, 300], [310, -4]]], 300)).toEqual([[[0, 0], [500, 251], [1000, 1000], [1000, 0]]]);
  });

  it('thins long strokes to the limit, keeping both ends; drops empty strokes and extra strokes', () => {
    const long = Array.from({ length: 1000 }, (_, i) => [i, i] as const);
    const thinned = thin(long, INK_LIMITS.points);
    expect(thinned).toHaveLength(INK_LIMITS.points);
    expect(thinned[0]).toEqual([0, 0]);
    expect(thinned.at(-1)).toEqual([999, 999]);
    const many = Array.from({ length: 50 }, () => [[1, 1] as const]);
    expect(toInk([[], ...many], 1000)).toHaveLength(INK_LIMITS.strokes);
  });
});

describe.runIf(zinniaAvailable)('process management', () => {
  const one = inkOf('一')!;
  const folder = mkdtempSync(join(tmpdir(), 'hall-zinnia-'));
  const script = (name: string, body: string) => {
    const path = join(folder, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  it('a missing program is refused as unavailable, not thrown', async () => {
    const missing = createZinniaRecognizer({ command: join(folder, 'no-such-zinnia'), model: ZINNIA.model });
    await expect(missing.recognize(one)).rejects.toBeInstanceOf(RecognizerUnavailable);
    await missing.close();
  });

  it('a missing model is refused as unavailable', async () => {
    const noModel = createZinniaRecognizer({ command: ZINNIA.command, model: join(folder, 'none.model') });
    await expect(noModel.recognize(one)).rejects.toBeInstanceOf(RecognizerUnavailable);
    await noModel.close();
  });

  it('a recogniser that hangs is killed after the timeout; the next request starts a new one', async () => {
    const marker = join(folder, 'hung-once');
    // The first process swallows its input and never answers; later ones are the real zinnia.
    const flaky = script('hangs-once', `if [ ! -e ${marker} ]; then touch ${marker}; exec cat >/dev/null; fi\nexec zinnia "$@"`);
    const recogniser = createZinniaRecognizer({ command: flaky, model: ZINNIA.model, timeoutMs: 300, restartDelayMs: 50 });
    const started = Date.now();
    await expect(recogniser.recognize(one)).rejects.toBeInstanceOf(RecognizerUnavailable);
    expect(Date.now() - started).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await recogniser.recognize(one))[0]).toBe('一');
    await recogniser.close();
  });

  it('a recogniser that dies is started again after the back-off, refused meanwhile', async () => {
    const marker = join(folder, 'died-once');
    const flaky = script('dies-once', `if [ ! -e ${marker} ]; then touch ${marker}; read line; exit 3; fi\nexec zinnia "$@"`);
    const recogniser = createZinniaRecognizer({ command: flaky, model: ZINNIA.model, restartDelayMs: 200 });
    await expect(recogniser.recognize(one)).rejects.toBeInstanceOf(RecognizerUnavailable);
    await expect(recogniser.recognize(one)).rejects.toThrow('restarting');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await recogniser.recognize(one))[0]).toBe('一');
    await recogniser.close();
  });

  it('answers in order when many ask at once', async () => {
    const text = '工资信访';
    const answers = await Promise.all([...text].map((c) => recognise(c)));
    expect(answers.map((a) => a[0]).join('')).toBe(text);
  });
});
