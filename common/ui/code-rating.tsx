// 好差评 by the ticket's code, at the kiosk or on the phone page of its QR: after a progress query,
// a ticket whose service may still be rated (evaluation.kioskDays) offers the five levels; once
// rated, or refused, it says so politely.
import { useState } from 'preact/hooks';
import type { EvaluateReply, KioskEvaluation } from '../contract/evaluation.ts';
import { api, ApiError } from './api.ts';
import { Rating } from './rating.tsx';

/** `path`: the kiosk's rating route, or the public one of the phone page. */
export function CodeRating({ path, queryCode, evaluation, dayText }: { path: string; queryCode: string; evaluation: KioskEvaluation; dayText: string }) {
  const [said, setSaid] = useState<{ kind: 'status' | 'alert'; text: string } | null>(
    evaluation.rated ? { kind: 'status', text: '这个号的服务已经评价过了，每个号只能评价一次，感谢您的参与。' } : null,
  );
  const [busy, setBusy] = useState(false);
  const rate = async (level: string, reasons: string[]) => {
    if (busy) return;
    setBusy(true);
    try {
      await api<EvaluateReply>('POST', path, { queryCode, level, reasons });
      setSaid({ kind: 'status', text: '感谢您的评价！我们将认真听取您的意见，不断改进工作。' });
    } catch (err) {
      setSaid({ kind: 'alert', text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="review-section kiosk-rating" aria-labelledby="rating-title" data-testid="kiosk-rating">
      <h3 id="rating-title">
        {evaluation.rated ? '服务评价' : `请您对${dayText} ${evaluation.number} 号在${evaluation.windowNo}号窗口的服务进行评价`}
      </h3>
      {said ? (
        <p class={said.kind === 'status' ? 'lead' : 'problem'} role={said.kind}>
          {said.text}
        </p>
      ) : (
        <Rating disabled={busy} onRate={(level, reasons) => void rate(level, reasons)} />
      )}
    </section>
  );
}
