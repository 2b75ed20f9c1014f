// 电话预约 (desk): a booking taken by phone — service, day and free slot, the caller's name, ID
// number, phone and matter in one line. The code is read back to the caller.
import { useEffect, useState } from 'preact/hooks';
import type { AvailabilityReply, BookingReply, BookingServicesReply } from '../common/contract/booking.ts';
import { api } from '../common/ui/api.ts';
import { ActionMessage, useAction } from './use-action.tsx';
import { LabelledInput, LabelledSelect } from './ui/field.tsx';

const EMPTY = { name: '', idNumber: '', phone: '', summary: '' };
/** The caller's details: field, label, longest length. */
const FIELDS = [
  ['name', '来电人姓名', 30],
  ['idNumber', '身份证号码', 18],
  ['phone', '联系电话', 13],
  ['summary', '反映事项（一句话）', 100],
] as const;

/** `changed` counts the changes of places pushed to the console: the free places are read again. */
export function PhoneBookingForm({ services, changed }: { services: BookingServicesReply['services']; changed: number }) {
  const [serviceCode, setServiceCode] = useState('');
  const [days, setDays] = useState<AvailabilityReply['days']>([]);
  const [slot, setSlot] = useState('');
  const [person, setPerson] = useState(EMPTY);
  const action = useAction();
  const loadDays = (code: string) =>
    code ? api<AvailabilityReply>('GET', `/api/booking/availability?service=${encodeURIComponent(code)}`).then((r) => setDays(r.days), () => setDays([])) : setDays([]);
  useEffect(() => void loadDays(serviceCode), [serviceCode, changed]);

  const slots = days.flatMap((d) => d.slots.map((s) => ({ value: `${d.day} ${s.start}`, label: `${d.day} ${s.start}–${s.end}（${s.free > 0 ? `余${s.free}个` : '已约满'}）`, disabled: s.free === 0 })));
  const set = (key: keyof typeof EMPTY) => (value: string) => setPerson({ ...person, [key]: value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const [day, start] = slot.split(' ');
    const body = { serviceCode, day, start, person: { ...person, idNumber: person.idNumber.trim().toUpperCase() } };
    const made = await action.run<BookingReply>('POST', '/api/booking/desk', body, (r) => `已为来电人预约。请告知预约码 ${r.code}，预约时段 ${r.day} ${r.start}–${r.end}。`);
    // Booked: the pushed change reloads the places; refused: read them again now.
    if (made) (setPerson(EMPTY), setSlot(''));
    else void loadDays(serviceCode);
  };

  return (
    <section class="panel" aria-labelledby="phone-booking-title">
      <h2 id="phone-booking-title">电话预约</h2>
      <form class="grid" onSubmit={submit}>
        <LabelledSelect id="phone-service" label="预约业务" value={serviceCode} empty="请选择" required choices={services.map((s) => ({ value: s.code, label: s.name }))} onValue={(v) => (setServiceCode(v), setSlot(''))} />
        <LabelledSelect id="phone-slot" label="预约时段" value={slot} empty={serviceCode ? '请选择时段' : '请先选择业务'} required choices={slots} onValue={setSlot} />
        {FIELDS.map(([key, label, maxLength]) => (
          <LabelledInput key={key} id={`phone-${key}`} label={label} value={person[key]} onValue={set(key)} required maxLength={maxLength} wide={key === 'summary'} />
        ))}
        <button type="submit" class="primary" disabled={action.busy}>
          确认预约
        </button>
      </form>
      <ActionMessage message={action.message} />
    </section>
  );
}
