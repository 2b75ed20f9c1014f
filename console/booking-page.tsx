// 预约接待: a day's bookings by slot (names masked, the matter in one line, check-ins, 未到 and
// earlier no-shows) — the leaders' view of a reception day — and, for the desk, a booking taken
// by phone. Refreshed when places change (`booking:changed`).
import { useEffect, useState } from 'preact/hooks';
import type { BookingDayReply, BookingServicesReply } from '../common/contract/booking.ts';
import { api } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';
import { PhoneBookingForm } from './phone-booking-form.tsx';
import { LabelledInput, LabelledSelect } from './ui/field.tsx';

const STATE_TEXT: Record<BookingDayReply['bookings'][number]['state'], string> = {
  active: '待签到',
  checked_in: '已签到',
  cancelled: '已取消',
  missed: '未到',
};

export function BookingPage({ today, socket, canBook }: { today: string; socket: HallSocket | null; canBook: boolean }) {
  const [services, setServices] = useState<BookingServicesReply['services']>([]);
  const [day, setDay] = useState(today);
  const [service, setService] = useState('');
  const [list, setList] = useState<BookingDayReply | null>(null);
  const [changed, setChanged] = useState(0);

  useEffect(() => void api<BookingServicesReply>('GET', '/api/booking/services').then((r) => setServices(r.services), () => undefined), []);
  useEffect(() => {
    const query = `/api/booking/day?day=${day}${service ? `&service=${encodeURIComponent(service)}` : ''}`;
    api<BookingDayReply>('GET', query).then(setList, () => setList(null));
  }, [day, service, changed]);
  useEffect(() => {
    const onChange = () => setChanged((n) => n + 1);
    socket?.on('booking:changed', onChange);
    return () => void socket?.off('booking:changed', onChange);
  }, [socket]);

  const nameOf = (code: string) => services.find((s) => s.code === code)?.name ?? code;
  return (
    <div class="booking-page">
      {canBook && <PhoneBookingForm services={services} changed={changed} />}
      <section class="panel" aria-labelledby="booking-day-title">
        <h2 id="booking-day-title">当日预约</h2>
        <div class="grid">
          <LabelledInput id="booking-day" label="日期" type="date" value={day} onValue={(v) => v && setDay(v)} />
          <LabelledSelect id="booking-service" label="业务" value={service} empty="全部业务" choices={services.map((s) => ({ value: s.code, label: s.name }))} onValue={setService} />
        </div>
        {list && (
          <>
            <p data-testid="booking-figures">
              共 {list.bookings.length} 个预约：待签到 {list.figures.active}，已签到 {list.figures.checked_in}，未到 {list.figures.missed}，已取消 {list.figures.cancelled}。
            </p>
            {list.bookings.length === 0 ? (
              <p>这一天没有预约。</p>
            ) : (
              <table data-testid="booking-list">
                <thead>
                  <tr>
                    <th>时段</th><th>业务</th><th>姓名</th><th>事项</th><th>状态</th><th>号码</th><th>预约码</th>
                  </tr>
                </thead>
                <tbody>
                  {list.bookings.map((b) => (
                    <tr key={b.code}>
                      <td>{b.start}–{b.end}</td>
                      <td>{nameOf(b.serviceCode)}</td>
                      <td>{b.name}</td>
                      <td>{b.summary}</td>
                      <td>
                        {STATE_TEXT[b.state]}
                        {b.missedBefore > 0 && <span class="missed-before">（此前未到 {b.missedBefore} 次）</span>}
                      </td>
                      <td>{b.ticketNumber ?? '—'}</td>
                      <td>{b.code}{b.channel === 'desk' ? '（电话）' : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
    </div>
  );
}
