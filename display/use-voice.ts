// Voice calling on the hall board: every call and recall, queued, in the hall's quiet rules.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardInfo, QueueEvent } from '../common/domain.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';
import { callAnnouncement, inQuietHours } from '../common/voice.ts';
import { AnnouncementQueue, chineseVoice, clipPlayer, speechPlayer } from './announcer.ts';

function localMinutes(timeZone: string): number {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(Date.now())
    .split(':')
    .map(Number) as [number, number];
  return h * 60 + m;
}

/** Returns whether the browser blocked sound (someone must touch the screen once). */
export function useVoice(socket: HallSocket | null, info: BoardInfo | null, audio: { current: HTMLAudioElement | null }) {
  const [blocked, setBlocked] = useState(false);
  const queue = useRef<AnnouncementQueue | null>(null);

  useEffect(() => {
    if (!socket || !info || !audio.current || !info.voice.enabled) return;
    const { volume, times, quietHours, preferSpeechSynthesis } = info.voice;
    const clips = clipPlayer(audio.current, volume, () => setBlocked(true));
    const voice = preferSpeechSynthesis ? chineseVoice() : null;
    queue.current = new AnnouncementQueue(voice ? speechPlayer(voice, clips, volume, times) : clips);
    const onEvent = (event: QueueEvent) => {
      if (event.type !== 'ticket.called' && event.type !== 'ticket.recalled') return;
      const t = event.ticket;
      if (!t?.windowNo || inQuietHours(localMinutes(info.timeZone), quietHours)) return;
      queue.current?.enqueue(callAnnouncement(t.number, t.windowNo, times));
    };
    socket.on('queue', onEvent);
    return () => void socket.off('queue', onEvent);
  }, [socket, info]);

  return { blocked, unblock: () => setBlocked(false) };
}
