import { useEffect, useState } from 'preact/hooks';
import type { BoardInfo } from '../common/contract/hall.ts';
import { api } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';

/** Notices, leader receptions and voice settings; loaded again on every (re)connection and change. */
export function useBoardInfo(connected: boolean, socket: HallSocket | null): BoardInfo | null {
  const [info, setInfo] = useState<BoardInfo | null>(null);
  const load = () => void api<BoardInfo>('GET', '/api/board').then(setInfo, () => undefined);
  useEffect(() => {
    if (connected) load();
  }, [connected]);
  useEffect(() => {
    socket?.on('settings:changed', load);
    return () => void socket?.off('settings:changed', load);
  }, [socket]);
  return info;
}
