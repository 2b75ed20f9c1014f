// 当日办: what of today is not yet with the case system — registrations verified but not
// delivered, registrations not verified yet, tickets not finished — and, near closing time, the
// warning staff and leaders see on every console page.
import { dayStart } from '../../common/time.ts';
import type { HallConfig } from '../config/schema.ts';
import type { Store } from '../store/repositories.ts';

const OPEN_STATUSES = ['waiting', 'called', 'serving', 'no_show'] as const;

/** Minutes after local midnight of `ms` in the hall's zone. */
const localMinutes = (ms: number, timeZone: string) => Math.round((ms - dayStart(ms, timeZone)) / 60_000);

interface SameDayStatus {
  /** Today's documents in the outbox by state. */
  counts: { pending: number; delivered: number; dead: number };
  /** Today's registrations still to verify (not closed with a reason). */
  unverified: number;
  /** Today's tickets not finished: waiting, at a window or set aside. */
  unfinished: number;
  warning: string | null;
}

export function sameDayStatus(store: Store, config: HallConfig, serviceDay: string, at: number): SameDayStatus {
  const counts = store.outbox.countsSince(dayStart(at, config.timeZone));
  const { unverified } = store.intakes.dayCounts(serviceDay);
  const unfinished = store.tickets.list({ serviceDay, statuses: [...OPEN_STATUSES], limit: 100_000 }).length;
  const { closingTime, warnMinutesBeforeClose } = config.forwarding;
  const [h, m] = closingTime.split(':').map(Number) as [number, number];
  const late = localMinutes(at, config.timeZone) >= h * 60 + m - warnMinutesBeforeClose;
  const undelivered = counts.pending + counts.dead;
  const parts = [
    undelivered > 0 ? `${undelivered} 份已核对的登记没有转送到案件系统` : '',
    unverified > 0 ? `${unverified} 份登记还没有核对` : '',
    unfinished > 0 ? `${unfinished} 个号还没有办结` : '',
  ].filter(Boolean);
  const warning = late && parts.length > 0 ? `今天还有 ${parts.join('、')}，请在 ${closingTime} 前处理，确保当日登记、当日转送。` : null;
  return { counts, unverified, unfinished, warning };
}
