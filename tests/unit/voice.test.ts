import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  callAnnouncement,
  cardinalClips,
  CLIP_TEXTS,
  inQuietHours,
  KIOSK_PROMPTS,
  promptAnnouncement,
  ticketNumberClips,
  ticketTakenAnnouncement,
  type Announcement,
} from '../../common/voice.ts';
import { AnnouncementQueue, type Player } from '../../common/ui/announcer.ts';

const say = (clips: string[]) => clips.map((c) => CLIP_TEXTS[c]).join('');

describe('announcement builder', () => {
  it('reads the ticket number digit by digit, with 零 for 0', () => {
    expect(ticketNumberClips('A023')).toEqual(['A', 'd0', 'd2', 'd3']);
    expect(say(ticketNumberClips('L100'))).toBe('L一零零');
  });

  it('reads the window number as a number', () => {
    const cases: Array<[number, string]> = [
      [1, '一'], [3, '三'], [10, '十'], [12, '十二'], [20, '二十'], [25, '二十五'],
      [100, '一百'], [105, '一百零五'], [110, '一百一十'], [115, '一百一十五'], [230, '二百三十'], [999, '九百九十九'],
    ];
    for (const [n, words] of cases) expect(say(cardinalClips(n)), String(n)).toBe(words);
    expect(() => cardinalClips(1000)).toThrow(RangeError);
  });

  it('says 请 A023 号 到 3 号窗口 twice after one chime', () => {
    const a = callAnnouncement('A023', 3);
    expect(a.text).toBe('请 A 0 2 3 号 到 3 号窗口');
    expect(a.clips[0]).toBe('chime');
    expect(say(a.clips)).toBe('请A零二三号到三号窗口'.repeat(2));
    expect(say(callAnnouncement('D007', 12, 1).clips)).toBe('请D零零七号到十二号窗口');
  });

  it('says the advance notice 请 A024 号做好准备 once, after the call said twice', () => {
    const a = callAnnouncement('A023', 3, 2, 'A024');
    expect(say(a.clips)).toBe(`${'请A零二三号到三号窗口'.repeat(2)}请A零二四号做好准备`);
    expect(a.text).toBe('请 A 0 2 3 号 到 3 号窗口');
    expect(a.then).toBe('请 A 0 2 4 号做好准备');
    expect(callAnnouncement('A023', 3, 2, null)).toEqual(callAnnouncement('A023', 3, 2));
    expect(callAnnouncement('A023', 3, 2).then).toBeUndefined();
  });

  it('confirms a number taken at the kiosk: 您已取到 A005 号，前面还有 3 人, the number digit by digit', () => {
    const a = ticketTakenAnnouncement('A005', 3);
    expect(a.clips).toEqual(['nin-yi-qudao', 'A', 'd0', 'd0', 'd5', 'hao', 'qianmian-haiyou', 'd3', 'ren']);
    expect(say(a.clips)).toBe('您已取到A零零五号前面还有三人');
    expect(a.text).toBe('您已取到 A 0 0 5 号，前面还有 3 人');
    expect(say(ticketTakenAnnouncement('D012', 2).clips)).toBe('您已取到D零一二号前面还有两人');
    expect(say(ticketTakenAnnouncement('A101', 12).clips)).toBe('您已取到A一零一号前面还有十二人');
    expect(say(ticketTakenAnnouncement('A001', 0).clips)).toBe('您已取到A零零一号前面没有人在等候');
    expect(ticketTakenAnnouncement('A001', 0).text).toBe('您已取到 A 0 0 1 号，前面没有人在等候');
    expect(say(ticketTakenAnnouncement('A001', 1200).clips)).toBe('您已取到A零零一号');
    // Someone who already had a number today hears that it was printed again.
    expect(say(ticketTakenAnnouncement('A005', 3, true).clips)).toBe('您今天已经取过号，已为您重新打印号票，您的号码是A零零五号前面还有三人');
  });

  it('says each kiosk step’s question and the idle warning as one clip, in full-width punctuation', () => {
    expect(promptAnnouncement('identity')).toEqual({ text: '请登记您的身份信息', clips: ['prompt-identity'] });
    expect(say(promptAnnouncement('idle').clips)).toBe('您还在吗？如需继续，请点击“继续填写”');
    for (const [name, text] of Object.entries(KIOSK_PROMPTS)) {
      expect(CLIP_TEXTS[`prompt-${name}`]).toBe(text);
      expect(text, name).not.toMatch(/[,:?!()]/);
    }
  });

  it('has a recorded clip for every word it may say', () => {
    for (const name of Object.keys(CLIP_TEXTS)) {
      const bytes = readFileSync(new URL(`../../public/voice/${name}.wav`, import.meta.url));
      expect(bytes.subarray(0, 4).toString(), name).toBe('RIFF');
      expect(bytes.length, name).toBeGreaterThan(2_000);
    }
  });

  it('keeps quiet in the configured hours, also across midnight', () => {
    const lunch = [{ from: '12:00', to: '13:30' }];
    expect(inQuietHours(12 * 60, lunch)).toBe(true);
    expect(inQuietHours(13 * 60 + 30, lunch)).toBe(false);
    expect(inQuietHours(11 * 60 + 59, lunch)).toBe(false);
    const night = [{ from: '22:00', to: '07:00' }];
    expect(inQuietHours(23 * 60, night)).toBe(true);
    expect(inQuietHours(6 * 60, night)).toBe(true);
    expect(inQuietHours(9 * 60, night)).toBe(false);
    expect(inQuietHours(9 * 60, [])).toBe(false);
  });
});

describe('announcement queue', () => {
  /** A player whose announcements end when the test says so. */
  function manualPlayer() {
    const log: string[] = [];
    const endings: Array<() => void> = [];
    let playing = 0;
    const player: Player = {
      play(a: Announcement) {
        playing += 1;
        if (playing > 1) log.push('OVERLAP');
        log.push(`start ${a.text}`);
        return new Promise<void>((resolve, reject) => {
          endings.push(() => {
            playing -= 1;
            log.push(`end ${a.text}`);
            if (a.text === 'broken') reject(new Error('clip missing'));
            else resolve();
          });
        });
      },
    };
    const finishOne = async () => {
      endings.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    };
    return { player, log, finishOne };
  }
  const a = (text: string): Announcement => ({ text, clips: [] });

  it('plays announcements one after another, never overlapping, in order', async () => {
    const { player, log, finishOne } = manualPlayer();
    const queue = new AnnouncementQueue(player);
    queue.enqueue(a('A001'));
    queue.enqueue(a('A002'));
    queue.enqueue(a('A003'));
    expect(queue.size).toBe(3);
    for (let i = 0; i < 3; i++) await finishOne();
    expect(log).toEqual(['start A001', 'end A001', 'start A002', 'end A002', 'start A003', 'end A003']);
    expect(queue.size).toBe(0);
  });

  it('goes on after a failed announcement, and drops the oldest of a long backlog', async () => {
    const { player, log, finishOne } = manualPlayer();
    const queue = new AnnouncementQueue(player, 2);
    queue.enqueue(a('broken'));
    queue.enqueue(a('B001'));
    queue.enqueue(a('B002'));
    queue.enqueue(a('B003')); // B001 is dropped: only 2 may wait
    for (let i = 0; i < 3; i++) await finishOne();
    expect(log).toEqual(['start broken', 'end broken', 'start B002', 'end B002', 'start B003', 'end B003']);
  });

  it('drops what has not started when cleared, and goes on with what comes after', async () => {
    const { player, log, finishOne } = manualPlayer();
    const queue = new AnnouncementQueue(player);
    queue.enqueue(a('prompt-identity'));
    queue.enqueue(a('prompt-visit'));
    queue.clear();
    queue.enqueue(a('prompt-matter'));
    for (let i = 0; i < 2; i++) await finishOne();
    expect(log).toEqual(['start prompt-identity', 'end prompt-identity', 'start prompt-matter', 'end prompt-matter']);
  });
});
