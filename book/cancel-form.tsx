// Cancelling a booking: the code and the last 4 characters of the ID number.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../common/ui/api.ts';
import { TextField } from './text-field.tsx';

export function CancelForm() {
  const [code, setCode] = useState('');
  const [idTail, setIdTail] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    try {
      setMessage((await api<{ message: string }>('POST', '/api/booking/cancel', { code: code.trim().toUpperCase(), idTail: idTail.trim().toUpperCase() })).message);
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '暂时无法取消，请稍候再试。');
    }
  }

  return (
    <form class="cancel" onSubmit={submit}>
      <fieldset>
        <legend>取消预约</legend>
        <TextField id="cancel-code" label="预约码" value={code} onInput={setCode} required maxLength={8} />
        <TextField id="cancel-tail" label="身份证号码后四位" value={idTail} onInput={setIdTail} required maxLength={4} />
        <button type="submit">取消预约</button>
        {message && <p role="status">{message}</p>}
      </fieldset>
    </form>
  );
}
