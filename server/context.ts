import type { HallAlert } from '../common/contract/alerts.ts';
import type { DeviceAuth } from './auth/device-auth.ts';
import type { StaffAuth } from './auth/staff-auth.ts';
import type { HallConfig } from './config/schema.ts';
import type { Forwarder } from './forwarding/forwarder.ts';
import type { HandwritingRecognizer } from './ime/recognizer.ts';
import type { HallSettings } from './settings.ts';
import type { DataCipher } from './privacy/cipher.ts';
import type { IntakeService } from './registration/intake-service.ts';
import type { Divisions } from './reference/divisions.ts';
import type { PrincipalResolver } from './http/auth-hooks.ts';
import type { Offenders } from './http/offenders.ts';
import type { PrintWorker } from './printing/print-jobs.ts';
import type { DeviceFleet, PrinterFleet, ReaderFleet } from './devices/fleet.ts';
import type { QueueEngine } from './queue/engine.ts';
import type { SnapshotBytesCache } from './queue/snapshot-bytes.ts';
import type { Store } from './store/repositories.ts';

/** The services every route and the realtime layer work with, built once by buildApp. */
export interface HallContext {
  config: HallConfig;
  store: Store;
  engine: QueueEngine;
  /** The queue snapshot serialised once per change, shared by every reader. */
  snapshots: SnapshotBytesCache;
  staffAuth: StaffAuth;
  deviceAuth: DeviceAuth;
  resolvePrincipal: PrincipalResolver;
  /** The printers and ID card readers, kept connected; their events feed the realtime bridge. */
  devices: DeviceFleet;
  /** The printers of `devices`. */
  fleet: PrinterFleet;
  printWorker: PrintWorker;
  /** The ID card readers of `devices`. */
  readers: ReaderFleet;
  cipher: DataCipher;
  divisions: Divisions;
  intakes: IntakeService;
  forwarder: Forwarder;
  settings: HallSettings;
  /** The kiosk's handwriting recogniser; null when configured off. */
  handwriting: HandwritingRecognizer | null;
  /** Addresses cut off for flooding, refused for a while (HTTP and sockets alike). */
  offenders: Offenders;
  /** Sends a stored alert to every staff socket (leaders, desk, windows). */
  publishAlert: (alert: HallAlert) => void;
  now: () => number;
}

export interface RouteOptions {
  hall: HallContext;
}
