// The devices' realtime bridge: every socket send about printers and ID card readers happens
// here. A condition change goes to the staff (room `staff`) as `device:status`; a card read or a
// card that could not be read goes to the kiosks the reader is attached to, and to nobody when
// there is none (`to([])` would mean every socket).
import type { CardIdentity } from '../../common/domain.ts';
import { ROOMS } from '../../common/events.ts';
import type { DeviceFleet, DeviceRef } from '../devices/fleet.ts';
import type { Store } from '../store/repositories.ts';
import type { HallSocketServer } from './socket-server.ts';

/** What the kiosk shows when a card on its reader could not be read. */
export const CARD_UNREADABLE = '没有读出身份证信息，请将身份证取下，重新放一下。';

export interface DeviceBridgeDeps {
  io: HallSocketServer;
  store: Store;
  devices: Pick<DeviceFleet, 'events'>;
  now: () => number;
  log: { info(obj: object, msg: string): void };
}

/** Starts the bridge; returns the function that stops it. */
export function bridgeDevices({ io, store, devices, now, log }: DeviceBridgeDeps): () => void {
  const toKiosksAt = (readerId: string, send: (to: ReturnType<HallSocketServer['to']>) => void) => {
    const rooms = store.devices
      .list()
      .filter((d) => d.kind === 'kiosk' && d.readerId === readerId && d.revokedAt === null)
      .map((d) => ROOMS.kioskDevice(d.id));
    if (rooms.length > 0) send(io.to(rooms));
  };

  const onStatus = (device: DeviceRef, condition: string) => {
    if (device.kind === 'printer') log.info({ printer: device.id, condition }, 'printer status');
    io.to(ROOMS.staff).emit('device:status', { ...device, condition, at: new Date(now()).toISOString() });
  };
  // A card goes to the kiosks this reader is attached to, and nowhere else (not even the log).
  const onCard = (readerId: string, identity: CardIdentity) => toKiosksAt(readerId, (to) => to.emit('card:read', identity));
  // Said to the kiosks at that reader only; the fleet logs the reason (never the card's text).
  const onCardError = (readerId: string) =>
    toKiosksAt(readerId, (to) => to.emit('card:error', { error: 'card_unreadable', message: CARD_UNREADABLE }));

  devices.events.on('status', onStatus);
  devices.events.on('card', onCard);
  devices.events.on('cardError', onCardError);
  return () => {
    devices.events.off('status', onStatus);
    devices.events.off('card', onCard);
    devices.events.off('cardError', onCardError);
  };
}
