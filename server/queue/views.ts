// Record → view conversions. The public view is built by picking allowed fields (never by
// deleting private ones), so a field added to the record later cannot leak to the boards.
import type { OnDuty, PublicTicket, QueueEvent, QueueSnapshot, StaffQueueEvent, StaffTicket, WindowView } from '../../common/contract/queue.ts';
import type { StaffSnapshot } from '../../common/events.ts';
import type { StaffRecord, TicketRecord, WindowRecord } from '../store/records.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toPublicTicket(t: TicketRecord | StaffTicket): PublicTicket {
  const issuedAt = typeof t.issuedAt === 'number' ? new Date(t.issuedAt).toISOString() : t.issuedAt;
  const calledAt = typeof t.calledAt === 'number' ? new Date(t.calledAt).toISOString() : t.calledAt;
  return {
    id: t.id,
    number: t.number,
    serviceCode: t.serviceCode,
    green: 'green' in t ? t.green : t.priority === 'green',
    status: t.status,
    windowNo: t.windowNo,
    targetWindowNo: t.targetWindowNo,
    callCount: t.callCount,
    rank: t.rank,
    issuedAt,
    calledAt,
    ...(t.booked ? { booked: true as const } : {}),
  };
}

export function toStaffTicket(t: TicketRecord): StaffTicket {
  return {
    ...toPublicTicket(t),
    serviceDay: t.serviceDay,
    greenReason: t.greenReason,
    greenNote: t.greenNote,
    source: { kind: t.sourceKind, id: t.sourceId, name: t.sourceName },
    printState: t.printState,
    servingAt: iso(t.servingAt),
    finishedAt: iso(t.finishedAt),
    cancelReason: t.cancelReason,
  };
}

export function toWindowView(
  w: WindowRecord,
  held: TicketRecord | undefined,
  staff: StaffRecord | undefined,
): WindowView {
  const onDuty: OnDuty | null = staff ? { displayName: staff.displayName, staffNo: staff.staffNo } : null;
  return {
    no: w.no,
    name: w.name,
    services: w.services,
    state: w.state,
    pauseReason: w.pauseReason,
    onDuty,
    current: held ? toPublicTicket(held) : null,
  };
}

export function toPublicEvent(event: StaffQueueEvent): QueueEvent {
  const { seq, type, at, serviceDay, windows, waitingCounts } = event;
  return { seq, type, at, serviceDay, windows, waitingCounts, ticket: event.ticket ? toPublicTicket(event.ticket) : null };
}

export function toPublicSnapshot(s: StaffSnapshot): QueueSnapshot {
  const { seq, serviceDay, timeZone, hallName, services, windows, waitingCounts } = s;
  return {
    seq,
    serviceDay,
    timeZone,
    hallName,
    services,
    windows,
    waitingCounts,
    waiting: s.waiting.map(toPublicTicket),
    recentCalls: s.recentCalls.map(toPublicTicket),
  };
}
