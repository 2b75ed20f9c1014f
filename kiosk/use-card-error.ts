// A card on this kiosk's reader that could not be read (`card:error`, sent to this kiosk only):
// its polite message for a few seconds, gone at once when a card is read.
import { useEffect, useState } from 'preact/hooks';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';

export function useCardError(socket: HallSocket | null, showMs = 10_000): string | null {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const failed = (error: { message: string }) => {
      clearTimeout(timer);
      setMessage(error.message);
      timer = setTimeout(() => setMessage(null), showMs);
    };
    const read = () => {
      clearTimeout(timer);
      setMessage(null);
    };
    socket.on('card:error', failed);
    socket.on('card:read', read);
    return () => {
      clearTimeout(timer);
      socket.off('card:error', failed);
      socket.off('card:read', read);
    };
  }, [socket, showMs]);
  return message;
}
