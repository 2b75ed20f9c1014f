// The devices' realtime bridge: every socket send about printers and ID card readers happens
// here. A condition change goes to the staff (room `staff`) as `device:status`; a card read or a
// card that could not be read goes to the kiosks the reader is attached to, and to nobody when
// there is none (`to([])` would mean every socket). A kiosk whose printer or reader is run by a
// device agent is told whether that agent is connected (`devices:agent`), on connect and on
// every change, so it can say so politely.
import type { CardIdentity } from '../../common/contract/devices.ts';
import { ROOMS } from '../../common/events.ts';
import type { DeviceFleet, DeviceRef } from '../devices/fleet.ts';
import type { Store } from '../store/repositories.ts';
import type { HallSocket, HallSocketServer } from './hall-io.ts';

/** What the kiosk shows when a card on its reader could not be read. */
export const CARD_UNREADABLE = '没有读出身份证信息，请将身份证取下，重新放一下。';

export interface DeviceBridgeDeps {
  io: HallSocketServer;
  store: Store;
  devices: Pick<DeviceFleet, 'events' | 'printers' | 'readers'>;
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

  /** Whether the agent behind a kiosk's printer or reader is connected; null when neither is agent-run. */
  const agentOnline = (kiosk: { printerId: string | null; readerId: string | null }): boolean | null => {
    const printer = kiosk.printerId ? devices.printers.get(kiosk.printerId)?.agent : null;
    const reader = kiosk.readerId ? devices.readers.get(kiosk.readerId)?.agent : null;
    if (!printer && !reader) return null;
    return [printer, reader].every((d) => !d || d.condition !== 'agent_offline');
  };
  const tellKiosksOf = (device: DeviceRef) => {
    const key = device.kind === 'printer' ? 'printerId' : 'readerId';
    for (const kiosk of store.devices.list()) {
      if (kiosk.kind !== 'kiosk' || kiosk.revokedAt !== null || kiosk[key] !== device.id) continue;
      const online = agentOnline(kiosk);
      if (online !== null) io.to(ROOMS.kioskDevice(kiosk.id)).emit('devices:agent', { online });
    }
  };
  /** The agent's state for a kiosk page as it connects (not for the agent itself). */
  const onConnection = (socket: HallSocket) => {
    const principal = socket.data.principal;
    if (principal?.kind !== 'device' || principal.device.kind !== 'kiosk' || socket.data.agent) return;
    const online = agentOnline(principal.device);
    if (online !== null) socket.emit('devices:agent', { online });
  };

  const wasOffline = new Map<string, boolean>();
  const onStatus = (device: DeviceRef, condition: string) => {
    const { kind, id, name } = device;
    if (kind === 'printer') log.info({ printer: id, condition }, 'printer status');
    io.to(ROOMS.staff).emit('device:status', { kind, id, name, condition, at: new Date(now()).toISOString() });
    if (device.agent) {
      const offline = condition === 'agent_offline';
      if (wasOffline.get(`${kind}:${id}`) !== offline) tellKiosksOf(device);
      wasOffline.set(`${kind}:${id}`, offline);
    }
  };
  // A card goes to the kiosks this reader is attached to, and nowhere else (not even the log).
  const onCard = (readerId: string, identity: CardIdentity) => toKiosksAt(readerId, (to) => to.emit('card:read', identity));
  // Said to the kiosks at that reader only; the fleet logs the reason (never the card's text).
  const onCardError = (readerId: string) =>
    toKiosksAt(readerId, (to) => to.emit('card:error', { error: 'card_unreadable', message: CARD_UNREADABLE }));

  io.on('connection', onConnection);
  devices.events.on('status', onStatus);
  devices.events.on('card', onCard);
  devices.events.on('cardError', onCardError);
  return () => {
    io.off('connection', onConnection);
    devices.events.off('status', onStatus);
    devices.events.off('card', onCard);
    devices.events.off('cardError', onCardError);
  };
}
