// The person's details and the small sum, then the booking itself. A refusal (the slot just
// filled, already booked) is shown politely and the free places are read again.
import { useEffect, useState } from 'preact/hooks';
import type { BookingReply, ChallengeReply, PublicBookingBody } from '../common/contract/booking.ts';
import { api, ApiError } from '../common/ui/api.ts';
import type { Choice } from './use-availability.ts';
import { dayText } from './day-text.ts';
import { TextField } from './text-field.tsx';

export function PersonForm({ choice, onBooked, onRefused }: { choice: Choice; onBooked: (reply: BookingReply) => void; onRefused: () => void }) {
  const [person, setPerson] = useState({ name: '', idNumber: '', phone: '', summary: '' });
  const [challenge, setChallenge] = useState<ChallengeReply | null>(null);
  const [answer, setAnswer] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const newChallenge = () => {
    setAnswer('');
    api<ChallengeReply>('GET', '/api/booking/challenge').then(setChallenge, () => setMessage('验证题暂时无法读取，请稍候再试。'));
  };
  useEffect(newChallenge, []);
  const set = (key: keyof typeof person) => (value: string) => setPerson({ ...person, [key]: value });

  async function submit(event: Event) {
    event.preventDefault();
    if (!challenge || busy) return;
    setBusy(true);
    setMessage(null);
    const body: PublicBookingBody = {
      serviceCode: choice.serviceCode,
      day: choice.day,
      start: choice.start,
      person: { ...person, idNumber: person.idNumber.trim().toUpperCase() },
      challenge: { token: challenge.token, answer: Number(answer) },
    };
    try {
      onBooked(await api<BookingReply>('POST', '/api/booking', body));
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '预约没有成功，请稍候再试。');
      newChallenge();
      onRefused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="person" onSubmit={submit}>
      <fieldset>
        <legend>
          第三步：填写信息（{dayText(choice.day)} {choice.start}–{choice.end}）
        </legend>
        <TextField id="name" label="姓名" value={person.name} onInput={set('name')} required maxLength={30} />
        <TextField id="idNumber" label="身份证号码" value={person.idNumber} onInput={set('idNumber')} required pattern="\d{17}[\dXx]" maxLength={18} />
        <TextField id="phone" label="手机号码" value={person.phone} onInput={set('phone')} required inputMode="tel" maxLength={13} />
        <TextField id="summary" label="想反映的事情（一句话）" value={person.summary} onInput={set('summary')} required maxLength={100} />
        {challenge && <TextField id="answer" label={`验证题：${challenge.question}`} value={answer} onInput={setAnswer} required inputMode="numeric" maxLength={3} />}
        {message && (
          <p class="refusal" role="alert">
            {message}
          </p>
        )}
        <button type="submit" disabled={busy || !challenge}>
          {busy ? '正在提交……' : '确认预约'}
        </button>
        <p class="privacy">您填写的身份信息将加密保存，仅用于本次接待。</p>
      </fieldset>
    </form>
  );
}
