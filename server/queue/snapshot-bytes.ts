// The queue snapshot serialised once per change: boards, consoles and HTTP readers share the same
// bytes (Socket.IO sends a Buffer as a binary attachment without copying it), so a hall full of
// reconnecting boards — or a client asking again and again — costs one serialisation, not one each.
import type { StaffSnapshot } from '../../common/events.ts';
import { toPublicSnapshot } from './views.ts';

export type SnapshotBytesCache = ReturnType<typeof createSnapshotBytes>;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

/** `engine` is the queue engine (anything that hands out the current snapshot object). */
export function createSnapshotBytes(engine: { snapshot(): StaffSnapshot }) {
  // The engine keeps one snapshot object until the next change (or day); its identity is the key.
  let source: StaffSnapshot | null = null;
  let staff: Buffer | null = null;
  let publicView: Buffer | null = null;

  const current = () => {
    const snapshot = engine.snapshot();
    if (snapshot !== source) {
      source = snapshot;
      staff = null;
      publicView = null;
    }
    return snapshot;
  };

  return {
    /** The staff view (every field) or the public view (picked fields only). */
    get(staffView: boolean): Buffer {
      const snapshot = current();
      if (staffView) return (staff ??= encode(snapshot));
      return (publicView ??= encode(toPublicSnapshot(snapshot)));
    },
  };
}
