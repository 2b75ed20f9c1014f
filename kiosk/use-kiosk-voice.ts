// Voice guidance at the kiosk: each step's question said once when the step appears, the idle
// warning, and the number just taken (您已取到 A005 号，前面还有 3 人). Clips from public/voice/
// through one audio element, queued by the board's announcer; a new question replaces one not yet
// begun. The person may mute it for their visit (the next person hears it again).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RegistrationForm } from '../common/contract/registration.ts';
import { AnnouncementQueue, clipPlayer } from '../common/ui/announcer.ts';
import { promptAnnouncement, ticketTakenAnnouncement, type Announcement, type KioskPrompt } from '../common/voice.ts';

export interface KioskVoiceCues {
  /** The step on screen (null: no form step), whose question is said when it appears. */
  prompt: KioskPrompt | null;
  /** Whether the idle warning is showing. */
  idle: boolean;
  /** The number just taken and how many are ahead of it; `again`: reprinted for a person who had it. */
  taken: { number: string; ahead: number; again: boolean } | null;
}

export function useKioskVoice(settings: RegistrationForm['voice'] | undefined, cues: KioskVoiceCues) {
  const [muted, setMutedState] = useState(false);
  const live = useRef({ muted: false, settings });
  live.current.settings = settings;

  const { audio, queue } = useMemo(() => {
    const audio = new Audio();
    const queue = new AnnouncementQueue({
      play(announcement) {
        const { muted, settings } = live.current;
        if (muted || !settings?.enabled) return Promise.resolve();
        // The first tap on the welcome screen is a gesture, and the kiosk's browser allows sound
        // anyway (--autoplay-policy=no-user-gesture-required): nothing to do if it is refused.
        return clipPlayer(audio, settings.volume, () => undefined).play(announcement);
      },
    });
    return { audio, queue };
  }, []);

  const say = (announcement: Announcement) => {
    queue.clear();
    queue.enqueue(announcement);
  };

  useEffect(() => {
    if (cues.prompt) say(promptAnnouncement(cues.prompt));
    else queue.clear();
  }, [cues.prompt]);
  useEffect(() => {
    if (cues.idle) say(promptAnnouncement('idle'));
  }, [cues.idle]);
  useEffect(() => {
    if (cues.taken) say(ticketTakenAnnouncement(cues.taken.number, cues.taken.ahead, cues.taken.again));
  }, [cues.taken?.number]);

  const setMuted = (on: boolean) => {
    live.current.muted = on;
    setMutedState(on);
    if (on) {
      // Silent at once, also in the middle of a clip; nothing waiting is said later.
      queue.clear();
      audio.volume = 0;
    }
  };

  return { available: settings?.enabled === true, muted, setMuted };
}
