// Whether the device agent running this kiosk's printer or reader is connected (`devices:agent`,
// sent to this kiosk only, and only when its devices are run by an agent): null when not told.
import { useEffect, useState } from 'preact/hooks';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';

export function useAgentOnline(socket: HallSocket | null): boolean | null {
  const [online, setOnline] = useState<boolean | null>(null);
  useEffect(() => {
    if (!socket) return;
    const told = (status: { online: boolean }) => setOnline(status.online);
    socket.on('devices:agent', told);
    return () => void socket.off('devices:agent', told);
  }, [socket]);
  return online;
}
