// The device agents' socket events (devices/agent/ on a kiosk PC). A socket gets here only with a
// kiosk's device token and the handshake flag `agent: true` (socket-server.ts refuses anything
// else with `forbidden`); every event is checked again against the device (revoked → closed) and
// its payload against the schemas of common/contract/agent.ts. An agent is heard only about its
// own kiosk's printer and reader — those the kiosk was paired with, and only when the
// configuration says an agent runs them — and is handed only that printer's jobs.
import { Value } from 'typebox/value';
import { AgentCardSchema, AgentStatusSchema, type PrintJobAck } from '../../common/contract/agent.ts';
import type { DeviceFleet } from '../devices/fleet.ts';
import type { AgentLink } from '../devices/agent-devices.ts';
import type { DeviceRecord } from '../store/records.ts';
import type { HallSocket } from './hall-io.ts';

export interface AgentHandlerDeps {
  devices: Pick<DeviceFleet, 'printers' | 'readers'>;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export function attachAgent(socket: HallSocket, device: DeviceRecord, { devices, log }: AgentHandlerDeps): void {
  const printer = device.printerId ? (devices.printers.get(device.printerId)?.agent ?? null) : null;
  const reader = device.readerId ? (devices.readers.get(device.readerId)?.agent ?? null) : null;
  const link: AgentLink = {
    deviceId: device.id,
    sendJob: (job, timeoutMs) => socket.timeout(timeoutMs).emitWithAck('print:job', job) as Promise<PrintJobAck>,
  };
  printer?.agent.attach(link);
  reader?.agent.attach(link);
  log.info({ device: device.id, printer: printer?.printerId ?? null, reader: reader?.readerId ?? null }, `自助机 ${device.name} 的设备代理已连接。`);
  socket.emit('agent:welcome', {
    deviceId: device.id,
    name: device.name,
    printer: printer ? { id: printer.printerId, name: devices.printers.get(printer.printerId)!.config.name } : null,
    reader: reader ? { id: reader.readerId, name: devices.readers.get(reader.readerId)!.config.name } : null,
  });

  const refuse = (event: string) => log.warn({ device: device.id, event }, 'device agent sent a malformed payload; ignored');
  socket.on('agent:status', (status) => {
    if (!Value.Check(AgentStatusSchema, status)) return refuse('agent:status');
    if (status.printer) printer?.report(link, status.printer);
    if (status.reader) reader?.report(link, status.reader);
  });
  // The identity goes to the fleet and on to the kiosks at this reader only; never logged.
  socket.on('agent:card', (identity) => {
    if (!Value.Check(AgentCardSchema, identity)) return refuse('agent:card');
    reader?.card(link, identity);
  });
  socket.on('agent:card-error', () => reader?.readFailed(link));
  socket.on('disconnect', (reason) => {
    printer?.agent.detach(link);
    reader?.agent.detach(link);
    log.info({ device: device.id, reason }, `自助机 ${device.name} 的设备代理已断开。`);
  });
}
