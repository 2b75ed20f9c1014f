// Device enrolment: an admin creates a one-time pairing code; the device exchanges it once for
// a long-lived token (kept in the device's storage, so it survives reboots).
import { newId } from '../ids.ts';
import type { DeviceKind } from '../../common/vocabulary.ts';
import type { HallConfig } from '../config/schema.ts';
import { HallError, notFound } from '../errors.ts';
import type { Actor, DeviceRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { createAuthorityAnnouncer } from './authority.ts';
import { newPairingCode, newToken, tokenHash } from './secrets.ts';

const LAST_SEEN_RESOLUTION_MS = 60_000;

export type DeviceAuth = ReturnType<typeof createDeviceAuth>;

export function createDeviceAuth(deps: { store: Store; config: HallConfig; now?: () => number }) {
  const { store, config } = deps;
  const now = deps.now ?? Date.now;
  const authority = createAuthorityAnnouncer();

  return {
    /** Announces, after commit, each device whose open sockets must close now (revoked). */
    onAuthorityEnded: authority.onAuthorityEnded,

    createPairingCode(
      input: { kind: DeviceKind; name: string; windowNo?: number | null; printerId?: string | null; readerId?: string | null; ttlMinutes?: number },
      actor: Actor,
    ): { code: string; expiresAt: number } {
      const windowNo = input.windowNo ?? null;
      const printerId = input.printerId ?? null;
      if (printerId !== null && !config.printers.some((p) => p.id === printerId)) throw notFound('printer_unknown');
      const readerId = input.readerId ?? null;
      if (readerId !== null && !config.readers.some((r) => r.id === readerId)) throw notFound('reader_unknown');
      const code = newPairingCode();
      const at = now();
      const expiresAt = at + (input.ttlMinutes ?? config.auth.pairingCodeMinutes) * 60_000;
      store.transaction(() => {
        // Checked where the code is written: the window cannot be removed in between.
        if (windowNo !== null && !store.windows.get(windowNo)?.active) throw notFound('window_unknown');
        store.pairingCodes.insert({
          codeHash: tokenHash(code),
          kind: input.kind,
          name: input.name,
          windowNo,
          printerId,
          readerId,
          createdBy: actor.id,
          createdAt: at,
          expiresAt,
          usedAt: null,
        });
        store.audit.append({
          at,
          actor,
          action: 'device.pairing_code_created',
          target: null,
          details: { kind: input.kind, name: input.name, windowNo, printerId, readerId },
        });
      });
      return { code, expiresAt };
    },

    enrol(code: string): { token: string; device: DeviceRecord } {
      return store.transaction(() => {
        const hash = tokenHash(code);
        const pairing = store.pairingCodes.get(hash);
        const at = now();
        if (!pairing || pairing.usedAt !== null || pairing.expiresAt <= at) {
          throw new HallError(400, 'invalid_pairing_code');
        }
        const token = newToken();
        const device: DeviceRecord = {
          id: newId(at),
          kind: pairing.kind,
          name: pairing.name,
          tokenHash: tokenHash(token),
          windowNo: pairing.windowNo,
          printerId: pairing.printerId,
          readerId: pairing.readerId,
          createdAt: at,
          lastSeen: at,
          revokedAt: null,
        };
        store.devices.insert(device);
        store.pairingCodes.markUsed(hash, at);
        store.audit.append({
          at,
          actor: { kind: 'device', id: device.id, name: device.name },
          action: 'device.enrolled',
          target: device.id,
          details: { kind: device.kind, windowNo: device.windowNo },
        });
        return { token, device };
      });
    },

    authenticate(token: string): DeviceRecord | null {
      const device = store.devices.getByTokenHash(tokenHash(token));
      if (!device || device.revokedAt !== null) return null;
      const at = now();
      if (device.lastSeen === null || at - device.lastSeen > LAST_SEEN_RESOLUTION_MS) {
        return store.devices.update(device.id, { lastSeen: at });
      }
      return device;
    },

    revoke(id: string, actor: Actor): DeviceRecord {
      const device = store.transaction(() => {
        if (!store.devices.get(id)) throw notFound();
        const at = now();
        store.audit.append({ at, actor, action: 'device.revoked', target: id, details: null });
        return store.devices.update(id, { revokedAt: at });
      });
      authority.announce({ kind: 'device', deviceId: id });
      return device;
    },
  };
}
