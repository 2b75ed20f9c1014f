import { useEffect, useState } from 'preact/hooks';
import type { BoardInfo } from '../common/domain.ts';
import { api } from '../common/ui/api.ts';

/** Notices, leader receptions and voice settings; loaded again on every (re)connection. */
export function useBoardInfo(connected: boolean): BoardInfo | null {
  const [info, setInfo] = useState<BoardInfo | null>(null);
  useEffect(() => {
    if (connected) api<BoardInfo>('GET', '/api/board').then(setInfo, () => undefined);
  }, [connected]);
  return info;
}
