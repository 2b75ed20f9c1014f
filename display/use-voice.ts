// Voice calling on the hall board: every call and recall, queued, in the hall's quiet rules.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardInfo } from '../common/contract/hall.ts';
import type { QueueEvent, QueueSnapshot } from '../common/contract/queue.ts';
import { applyQueueEvent } from '../common/queue-state.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';
import { callAnnouncement, inQuietHours } from '../common/voice.ts';
import { AnnouncementQueue, chineseVoice, clipPlayer, speechPlayer } from '../common/ui/announcer.ts';
import { nextFor } from './text.ts';

function localMinutes(timeZone: string): number {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(Date.now())
    .split(':')
    .map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The number window `windowNo` calls after `event`'s ticket: the board's state with the event applied
 * (whether or not the board has applied it yet), and without the ticket just called.
 */
function nextAfter(state: QueueSnapshot | null, event: QueueEvent, windowNo: number): string | null {
  if (!state) return null;
  const applied = applyQueueEvent(state, event);
  const after = applied === 'resync' ? state : applied;
  const waiting = after.waiting.filter((t) => t.id !== event.ticket?.id);
  return nextFor({ ...after, waiting }, windowNo)?.number ?? null;
}

/** Returns whether the browser blocked sound (someone must touch the screen once). */
export function useVoice(
  socket: HallSocket | null,
  info: BoardInfo | null,
  audio: { current: HTMLAudioElement | null },
  state: QueueSnapshot | null,
) {
  const [blocked, setBlocked] = useState(false);
  const queue = useRef<AnnouncementQueue | null>(null);
  const latest = useRef(state);
  latest.current = state;

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
      // After a call (not a recall: that is still the same person's turn), the next number once.
      const next = info.advanceCall && event.type === 'ticket.called' ? nextAfter(latest.current, event, t.windowNo) : null;
      queue.current?.enqueue(callAnnouncement(t.number, t.windowNo, times, next));
    };
    socket.on('queue', onEvent);
    return () => void socket.off('queue', onEvent);
  }, [socket, info]);

  return { blocked, unblock: () => setBlocked(false) };
}
