// Plays announcements one after another, never overlapping (the hall board's calls, the kiosk's
// questions): recorded clips through the page's audio element, or the browser's zh-CN speech voice
// where there is one and the hall prefers it.
import type { Announcement } from '../voice.ts';

export interface Player {
  play(announcement: Announcement): Promise<void>;
}

/** A queue of announcements for one player. A long backlog drops the oldest: they are stale. */
export class AnnouncementQueue {
  private readonly pending: Announcement[] = [];
  private playing = false;

  constructor(
    private readonly player: Player,
    private readonly maxPending = 6,
  ) {}

  get size(): number {
    return this.pending.length + (this.playing ? 1 : 0);
  }

  /** Drops what has not started yet (the kiosk's next step makes the last one's question stale). */
  clear(): void {
    this.pending.length = 0;
  }

  enqueue(announcement: Announcement): void {
    if (this.pending.length >= this.maxPending) this.pending.shift();
    this.pending.push(announcement);
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.playing) return;
    this.playing = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        // One failed announcement (e.g. a missing clip) must not stop the ones after it.
        await this.player.play(next).catch(() => undefined);
      }
    } finally {
      this.playing = false;
    }
  }
}

/** Plays a clip to its end (or its failure) on one audio element. */
function playClip(audio: HTMLAudioElement, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      audio.removeEventListener('ended', done);
      audio.removeEventListener('error', failed);
      resolve();
    };
    const failed = () => {
      audio.removeEventListener('ended', done);
      audio.removeEventListener('error', failed);
      reject(new Error(`cannot play ${url}`));
    };
    audio.addEventListener('ended', done);
    audio.addEventListener('error', failed);
    audio.src = url;
    audio.play().catch((err: unknown) => {
      audio.removeEventListener('ended', done);
      audio.removeEventListener('error', failed);
      reject(err);
    });
  });
}

export function clipPlayer(audio: HTMLAudioElement, volume: number, onBlocked: () => void): Player {
  return {
    async play({ clips }) {
      audio.volume = volume;
      for (const clip of clips) {
        try {
          await playClip(audio, `/voice/${clip}.wav`);
        } catch (err) {
          // Browsers refuse sound until someone touches the page (unless started with
          // --autoplay-policy=no-user-gesture-required): tell the screen, skip this call.
          if (err instanceof DOMException && err.name === 'NotAllowedError') {
            onBlocked();
            return;
          }
        }
      }
    },
  };
}

/** The browser's Mandarin voice, if it has one. */
export function chineseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => /^zh[-_]CN/i.test(v.lang)) ?? null;
}

export function speechPlayer(voice: SpeechSynthesisVoice, chime: Player, volume: number, times: number): Player {
  const say = (text: string) =>
    new Promise<void>((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.volume = volume;
      utterance.rate = 0.85;
      utterance.onend = () => resolve();
      utterance.onerror = () => resolve();
      speechSynthesis.speak(utterance);
    });
  return {
    async play(announcement) {
      await chime.play({ text: '', clips: ['chime'] });
      for (let i = 0; i < times; i++) await say(announcement.text);
      if (announcement.then) await say(announcement.then);
    },
  };
}
