// How many sockets are connected, by the kind of room they joined (for monitoring).
import { ROOMS } from '../../common/events.ts';
import type { HallSocketServer } from './hall-io.ts';

export function socketCounts(io: HallSocketServer): Record<string, number> {
  const rooms = io.sockets.adapter.rooms;
  let window = 0;
  for (const [name, members] of rooms) if (name.startsWith('window:')) window += members.size;
  return {
    all: io.of('/').sockets.size,
    board: rooms.get(ROOMS.board)?.size ?? 0,
    staff: rooms.get(ROOMS.staff)?.size ?? 0,
    kiosk: rooms.get(ROOMS.kiosk)?.size ?? 0,
    window,
  };
}
