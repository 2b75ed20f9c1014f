// Voice calling (语音叫号), pure: the words of an announcement and the clips that say them.
// Template from the service standard: 请 A023 号 到 3 号窗口 — the ticket number read digit by
// digit (零 for 0), the window number as a number (十二号窗口), said twice, a chime first; then,
// where the hall wants it, the advance notice for the next number once: 请 A024 号做好准备.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/**
 * What the kiosk says, once, when a step appears (after its heading), and when nobody has touched
 * it for a while; each is one clip, `prompt-<name>`.
 */
export const KIOSK_PROMPTS = {
  identity: '请登记您的身份信息',
  visit: '请告诉我们来访的情况',
  matter: '您要反映的事情和什么有关？',
  words: '请用您自己的话，说一说您的问题和诉求',
  notice: '请看一下需要准备的材料',
  review: '请核对您的登记信息',
  idle: '您还在吗？如需继续，请点击“继续填写”',
} as const;
export type KioskPrompt = keyof typeof KIOSK_PROMPTS;

/** Every clip the player may need and the words it says; file `public/voice/<name>.wav`. */
export const CLIP_TEXTS: Record<string, string> = {
  chime: '',
  qing: '请',
  hao: '号',
  dao: '到',
  'hao-chuangkou': '号窗口',
  'zuohao-zhunbei': '做好准备',
  shi: '十',
  bai: '百',
  liang: '两',
  ren: '人',
  'nin-yi-qudao': '您已取到',
  'nin-yi-quguo': '您今天已经取过号，已为您重新打印号票，您的号码是',
  'qianmian-haiyou': '前面还有',
  'qianmian-meiyou': '前面没有人在等候',
  ...Object.fromEntries(Object.entries(KIOSK_PROMPTS).map(([name, text]) => [`prompt-${name}`, text])),
  ...Object.fromEntries(DIGITS.map((d, i) => [`d${i}`, d])),
  ...Object.fromEntries(LETTERS.map((l) => [l, l])),
};


/** 3 → [三], 10 → [十], 12 → [十, 二], 20 → [二, 十], 105 → [一, 百, 零, 五]: as said aloud. */
export function cardinalClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`window number out of range: ${n}`);
  const d = (i: number) => `d${i}`;
  if (n < 10) return [d(n)];
  if (n < 100) {
    const [tens, ones] = [Math.floor(n / 10), n % 10];
    return [...(tens === 1 ? [] : [d(tens)]), 'shi', ...(ones ? [d(ones)] : [])];
  }
  const [hundreds, rest] = [Math.floor(n / 100), n % 100];
  if (rest === 0) return [d(hundreds), 'bai'];
  if (rest < 10) return [d(hundreds), 'bai', 'd0', d(rest)];
  // 110 → 一百一十: a leading 一 before 十 is said after 百.
  const tail = cardinalClips(rest);
  return [d(hundreds), 'bai', ...(rest < 20 ? ['d1'] : []), ...tail];
}

/** A023 → [A, 零, 二, 三]. */
export function ticketNumberClips(number: string): string[] {
  return [...number.toUpperCase()].map((c) => (/\d/.test(c) ? `d${c}` : c)).filter((c) => c in CLIP_TEXTS);
}

export interface Announcement {
  /** What a speech synthesizer says `times` times: 请 A023 号 到 3 号窗口. */
  text: string;
  /** What it says once after that, if anything: 请 A024 号做好准备. */
  then?: string;
  /** The clips, chime first, the words `times` times, then the advance notice once. */
  clips: string[];
}

/** The call of `number` to window `windowNo`; with `next`, the advance notice for that number. */
export function callAnnouncement(number: string, windowNo: number, times = 2, next?: string | null): Announcement {
  const words = ['qing', ...ticketNumberClips(number), 'hao', 'dao', ...cardinalClips(windowNo), 'hao-chuangkou'];
  const advance = next ? ['qing', ...ticketNumberClips(next), 'hao', 'zuohao-zhunbei'] : [];
  return {
    text: `请 ${[...number].join(' ')} 号 到 ${windowNo} 号窗口`,
    ...(next ? { then: `请 ${[...next].join(' ')} 号做好准备` } : {}),
    clips: ['chime', ...Array.from({ length: times }, () => words).flat(), ...advance],
  };
}

/** The kiosk's question for a step (or its idle warning), said once. */
export function promptAnnouncement(prompt: KioskPrompt): Announcement {
  return { text: KIOSK_PROMPTS[prompt], clips: [`prompt-${prompt}`] };
}

/**
 * The number just taken, confirmed aloud at the kiosk: 您已取到 A005 号，前面还有 3 人 — the number
 * digit by digit as the board calls it, the people ahead as a number (两 for 2).
 */
export function ticketTakenAnnouncement(number: string, ahead: number, again = false): Announcement {
  // `again`: the person already had this number today (一人一号) and gets it reprinted.
  const taken = [again ? 'nin-yi-quguo' : 'nin-yi-qudao', ...ticketNumberClips(number), 'hao'];
  const opening = again ? CLIP_TEXTS['nin-yi-quguo'] : '您已取到';
  const n = Math.max(0, Math.floor(ahead));
  // More than 999 waiting does not happen in one hall; the screen shows the number in any case.
  if (n > 999) return { text: `${opening} ${[...number].join(' ')} 号`, clips: taken };
  const people = n === 0 ? ['qianmian-meiyou'] : ['qianmian-haiyou', ...(n === 2 ? ['liang'] : cardinalClips(n)), 'ren'];
  return {
    text: `${opening} ${[...number].join(' ')} 号，${n === 0 ? '前面没有人在等候' : `前面还有 ${n} 人`}`,
    clips: [...taken, ...people],
  };
}

/** `HH:MM` → minutes after midnight. */
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Whether `minutes` (after local midnight) falls in a quiet period; periods may cross midnight. */
export function inQuietHours(minutes: number, periods: ReadonlyArray<{ from: string; to: string }>): boolean {
  return periods.some(({ from, to }) => {
    const [a, b] = [minutesOf(from), minutesOf(to)];
    return a <= b ? minutes >= a && minutes < b : minutes >= a || minutes < b;
  });
}
