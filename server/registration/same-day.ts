// 当日办: what of today is not yet ready for the case system — registrations not verified yet,
// tickets not finished — and, near closing time, the sentence staff and leaders see about them
// (the forwarding route adds the documents not yet delivered).
import { dayStart } from '../../common/time.ts';
import type { HallConfig } from '../config/schema.ts';
import type { Store } from '../store/repositories.ts';

const OPEN_STATUSES = ['waiting', 'called', 'serving', 'no_show'] as const;

/** Within `forwarding.warnMinutesBeforeClose` of `forwarding.closingTime`, or after it. */
export function isNearClosing(at: number, config: HallConfig): boolean {
  const minutes = Math.round((at - dayStart(at, config.timeZone)) / 60_000);
  const [h, m] = config.forwarding.closingTime.split(':').map(Number) as [number, number];
  return minutes >= h * 60 + m - config.forwarding.warnMinutesBeforeClose;
}

export function sameDayStatus(store: Store, config: HallConfig, serviceDay: string, at: number) {
  const { unverified } = store.intakes.dayCounts(serviceDay);
  const unfinished = store.tickets.list({ serviceDay, statuses: [...OPEN_STATUSES], limit: 100_000 }).length;
  const parts = [unverified > 0 ? `${unverified} 份登记还没有核对` : '', unfinished > 0 ? `${unfinished} 个号还没有办结` : ''].filter(Boolean);
  const note =
    isNearClosing(at, config) && parts.length > 0
      ? `今天还有 ${parts.join('、')}，请在 ${config.forwarding.closingTime} 前处理，确保当日登记、当日转送。`
      : null;
  return { unverified, unfinished, note };
}
