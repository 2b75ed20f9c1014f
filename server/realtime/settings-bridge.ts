// Boards, kiosks and consoles reload what they show from the settings: every changed setting is
// announced to every socket by its key (`settings:changed`).
import type { HallSettings } from '../settings.ts';
import type { HallSocketServer } from './hall-io.ts';

/** Subscribes; returns the unsubscribe. */
export function bridgeSettings(io: HallSocketServer, settings: Pick<HallSettings, 'onChange'>): () => void {
  return settings.onChange((key) => {
    io.emit('settings:changed', key);
  });
}
