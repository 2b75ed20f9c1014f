// The bookable services and a service's free places, asked again every 30 s and after each
// refusal (the public page has no socket: places change as others book).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AvailabilityReply, BookingServicesReply } from '../common/contract/booking.ts';
import { api, ApiError } from '../common/ui/api.ts';

const REFRESH_MS = 30_000;

/** The slot the person picked. */
export interface Choice {
  serviceCode: string;
  day: string;
  start: string;
  end: string;
}

export function useServices() {
  const [services, setServices] = useState<BookingServicesReply['services'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<BookingServicesReply>('GET', '/api/booking/services')
      .then((reply) => setServices(reply.services))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '暂时无法读取可预约的业务，请稍候刷新页面。'));
  }, []);
  return { services, error };
}

export function useAvailability(serviceCode: string | null) {
  const [days, setDays] = useState<AvailabilityReply['days'] | null>(null);
  const reload = useCallback(async () => {
    if (!serviceCode) return;
    try {
      setDays((await api<AvailabilityReply>('GET', `/api/booking/availability?service=${encodeURIComponent(serviceCode)}`)).days);
    } catch {
      // Keep what is shown; the next refresh tries again.
    }
  }, [serviceCode]);
  useEffect(() => {
    setDays(null);
    void reload();
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return { days, reload };
}
