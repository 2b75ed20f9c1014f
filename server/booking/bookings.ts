// The booking service with its parts: booking and cancelling, check-in at the kiosk, and the
// administration of patterns and closed days.
import { createBookingAdmin } from './booking-admin.ts';
import { createBookingService, type BookingDeps } from './booking-service.ts';
import { createCheckIn } from './check-in.ts';

export function createBookings(deps: BookingDeps) {
  const core = createBookingService(deps);
  return { ...core, ...createCheckIn(core, deps), ...createBookingAdmin(core, deps) };
}
export type Bookings = ReturnType<typeof createBookings>;
