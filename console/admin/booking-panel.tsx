// 预约时段 (admin): each service's daily slots with their capacity, one per line (`09:00-09:30 4`),
// and single days closed for booking. A change never drops a booking: those it leaves over
// capacity or on a closed day are listed here for staff to contact.
import { useEffect, useState } from 'preact/hooks';
import type { AffectedReply, PatternsReply } from '../../common/contract/booking.ts';
import type { ServiceListReply } from '../../common/contract/services.ts';
import { api } from '../../common/ui/api.ts';
import { ActionMessage, useAction } from '../use-action.tsx';
import { LabelledInput, LabelledSelect, LabelledTextarea } from '../ui/field.tsx';
import { useList } from './shared.ts';

type SlotLine = PatternsReply['patterns'][number]['slots'][number];
type Affected = AffectedReply['affected'][number];

const LINE = /^\s*(\d{1,2}:\d{2})\s*[-–~]\s*(\d{1,2}:\d{2})\s+(\d{1,3})\s*$/;
const pad = (t: string) => t.padStart(5, '0');

/** The slots typed one per line, or the number of the first line that is not `HH:MM-HH:MM N`. */
function parseSlots(text: string): SlotLine[] | number {
  const lines = text.split('\n').map((l) => l.trim());
  const slots: SlotLine[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const m = LINE.exec(line);
    if (!m) return i + 1;
    slots.push({ start: pad(m[1]!), end: pad(m[2]!), capacity: Number(m[3]) });
  }
  return slots;
}

const slotsText = (slots: readonly SlotLine[]) => slots.map((s) => `${s.start}-${s.end} ${s.capacity}`).join('\n');

export function BookingPanel() {
  const action = useAction();
  const [services] = useList<ServiceListReply>('/api/services', 'services');
  const [data, setData] = useState<PatternsReply>({ patterns: [], closures: [] });
  const [serviceCode, setServiceCode] = useState('');
  const [text, setText] = useState('');
  const [closeDay, setCloseDay] = useState('');
  const [closeService, setCloseService] = useState('*');
  const [reason, setReason] = useState('');
  const [affected, setAffected] = useState<Affected[]>([]);
  const load = () => void api<PatternsReply>('GET', '/api/booking/patterns').then(setData, () => undefined);
  useEffect(load, []);
  useEffect(() => setText(slotsText(data.patterns.find((p) => p.serviceCode === serviceCode)?.slots ?? [])), [serviceCode, data]);

  const nameOf = (code: string) => (code === '*' ? '全部业务' : (services.find((s) => s.code === code)?.name ?? code));
  const done = (reply: AffectedReply | null) => {
    if (reply) (setAffected(reply.affected), load());
  };
  const savePattern = async () => {
    const slots = parseSlots(text);
    if (typeof slots === 'number') return;
    done(await action.run<AffectedReply>('PUT', `/api/booking/patterns/${serviceCode}`, { slots }, () => `“${nameOf(serviceCode)}”的预约时段已保存。`));
  };
  const problemLine = typeof parseSlots(text) === 'number' ? (parseSlots(text) as number) : null;
  const setClosure = async (closed: boolean) =>
    done(
      await action.run<AffectedReply>('PUT', `/api/booking/closures/${closeDay}`, { serviceCode: closeService, closed, reason }, () =>
        closed ? `${closeDay}（${nameOf(closeService)}）已停止预约。` : `${closeDay}（${nameOf(closeService)}）已恢复预约。`,
      ),
    );

  return (
    <section class="panel" aria-labelledby="admin-booking">
      <h2 id="admin-booking">预约时段</h2>
      <div class="grid">
        <LabelledSelect id="booking-pattern-service" label="业务" value={serviceCode} empty="请选择业务" choices={services.map((s) => ({ value: s.code, label: s.name }))} onValue={setServiceCode} />
        <LabelledTextarea id="booking-pattern" label="每天的时段和名额（每行一个，如 09:00-09:30 4；清空即不接受预约）" value={text} onValue={setText} rows={6} wide disabled={!serviceCode} />
      </div>
      {problemLine !== null && <p class="error" role="alert">第 {problemLine} 行的格式不对，请按“09:00-09:30 4”的格式填写。</p>}
      <button type="button" class="primary" disabled={!serviceCode || problemLine !== null || action.busy} onClick={() => void savePattern()}>
        保存时段
      </button>
      <h3>停止预约的日期</h3>
      <div class="grid">
        <LabelledInput id="booking-close-day" label="日期" type="date" value={closeDay} onValue={setCloseDay} />
        <LabelledSelect id="booking-close-service" label="业务" value={closeService} choices={[{ value: '*', label: '全部业务' }, ...services.map((s) => ({ value: s.code, label: s.name }))]} onValue={setCloseService} />
        <LabelledInput id="booking-close-reason" label="原因" value={reason} onValue={setReason} maxLength={60} />
      </div>
      <div class="row-actions">
        <button type="button" class="secondary" disabled={!closeDay || action.busy} onClick={() => void setClosure(true)}>
          停止这天的预约
        </button>
        <button type="button" class="secondary" disabled={!closeDay || action.busy} onClick={() => void setClosure(false)}>
          恢复这天的预约
        </button>
      </div>
      <ActionMessage message={action.message} />
      {affected.length > 0 && (
        <div role="status" data-testid="booking-affected">
          <p>以下预约仍然保留，但已超出名额或在停止预约的日期，请联系来访人另约时间：</p>
          <ul>
            {affected.map((a) => (
              <li key={a.code}>
                {a.day} {a.start} {nameOf(a.serviceCode)} {a.name}（预约码 {a.code}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.closures.length > 0 && (
        <ul data-testid="booking-closures">
          {data.closures.map((c) => (
            <li key={`${c.day}-${c.serviceCode}`}>
              {c.day} {nameOf(c.serviceCode)} 停止预约{c.reason ? `：${c.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
