// Consoles refresh the places left when a booking changes them (`booking:changed`, room `staff`).
// The public page has no socket: it asks for availability again (docs/booking.md).
import { ROOMS } from '../../common/events.ts';
import type { BookingChange } from '../booking/booking-service.ts';
import type { HallSocketServer } from './hall-io.ts';

/** Subscribes; returns the unsubscribe. */
export function bridgeBookings(io: HallSocketServer, bookings: { onChange(listener: (change: BookingChange) => void): () => void }): () => void {
  return bookings.onChange((change) => {
    io.to(ROOMS.staff).emit('booking:changed', change);
  });
}
