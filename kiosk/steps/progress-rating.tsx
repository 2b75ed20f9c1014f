// 好差评 at the kiosk: after a progress query by the ticket's code, a ticket whose service may still
// be rated (evaluation.kioskDays) offers the five levels; once rated, or refused, it says so politely.
import { useState } from 'preact/hooks';
import type { EvaluateReply, KioskEvaluation } from '../../common/contract/evaluation.ts';
import { api, ApiError } from '../../common/ui/api.ts';
import { Rating } from '../../common/ui/rating.tsx';

export function ProgressRating({ queryCode, evaluation, dayText }: { queryCode: string; evaluation: KioskEvaluation; dayText: string }) {
  const [said, setSaid] = useState<{ kind: 'status' | 'alert'; text: string } | null>(
    evaluation.rated ? { kind: 'status', text: '这个号的服务已经评价过了，每个号只能评价一次，感谢您的参与。' } : null,
  );
  const [busy, setBusy] = useState(false);
  const rate = async (level: string, reasons: string[]) => {
    if (busy) return;
    setBusy(true);
    try {
      await api<EvaluateReply>('POST', '/api/evaluations/kiosk', { queryCode, level, reasons });
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
