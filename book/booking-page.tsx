// The public booking page (预约接待): pick a service or a leader reception, a day and a free slot,
// give name, ID number, phone and the matter in one line, answer the small sum, and keep the code.
// Cancelling by code and the last 4 characters of the ID number is below.
import { useState } from 'preact/hooks';
import type { BookingReply } from '../common/contract/booking.ts';
import { CancelForm } from './cancel-form.tsx';
import { dayText } from './day-text.ts';
import { PersonForm } from './person-form.tsx';
import { useAvailability, useServices, type Choice } from './use-availability.ts';

export function BookingPage() {
  const { services, error } = useServices();
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const { days, reload } = useAvailability(serviceCode);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [done, setDone] = useState<BookingReply | null>(null);

  if (done) {
    return (
      <main class="book">
        <h1>预约成功</h1>
        <p class="result" role="status">{done.message}</p>
        <p class="code">
          预约码：<strong>{done.code}</strong>
        </p>
        <button type="button" onClick={() => (setDone(null), setChoice(null), void reload())}>
          再预约一项
        </button>
      </main>
    );
  }

  return (
    <main class="book">
      <h1>预约接待</h1>
      <p>您好！请选择要办理的业务和时间，预约成功后请按时到大厅自助机签到取号。</p>
      {error && <p role="alert">{error}</p>}
      {services && services.length === 0 && <p>目前没有可以预约的业务，欢迎您直接来大厅取号办理。</p>}
      {services && services.length > 0 && (
        <fieldset>
          <legend>第一步：选择业务</legend>
          {services.map((s) => (
            <label key={s.code} class="choice">
              <input type="radio" name="service" checked={serviceCode === s.code} onChange={() => (setServiceCode(s.code), setChoice(null))} />
              {s.name}
              {s.leader ? '（领导接访日）' : ''}
            </label>
          ))}
        </fieldset>
      )}
      {serviceCode && (
        <fieldset>
          <legend>第二步：选择时间</legend>
          {days === null && <p>正在读取可预约的时间……</p>}
          {days?.length === 0 && <p>近期这项业务的时段都已约满或不开放预约，请您过几天再来看看。</p>}
          {days?.map((d) => (
            <div key={d.day} class="day">
              <h2>{dayText(d.day)}</h2>
              {d.note && <p class="note">{d.note}</p>}
              <div class="slots">
                {d.slots.map((s) => {
                  const picked = choice?.day === d.day && choice.start === s.start;
                  return (
                    <button
                      key={s.start}
                      type="button"
                      class={picked ? 'slot picked' : 'slot'}
                      aria-pressed={picked}
                      disabled={s.free === 0}
                      onClick={() => setChoice({ serviceCode, day: d.day, start: s.start, end: s.end })}
                    >
                      {s.start}–{s.end}
                      <span>{s.free === 0 ? '已约满' : `余${s.free}个`}</span>
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
        </fieldset>
      )}
      {choice && <PersonForm choice={choice} onBooked={setDone} onRefused={() => void reload()} />}
      <CancelForm />
    </main>
  );
}
