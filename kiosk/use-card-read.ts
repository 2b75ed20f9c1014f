// Cards read on this kiosk's own reader (`card:read`, delivered to this kiosk only), handed to the
// latest `handler` (it may read the screen's current state).
import { useEffect, useRef } from 'preact/hooks';
import type { CardIdentity } from '../common/contract/devices.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';

export function useCardRead(socket: HallSocket | null, handler: (card: CardIdentity) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const read = (card: CardIdentity) => latest.current(card);
    socket.on('card:read', read);
    return () => void socket.off('card:read', read);
  }, [socket]);
}
