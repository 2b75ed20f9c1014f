// The one-time notification (一次性告知) at the window: the five items for this registration's
// category, to go through with the person, and the slip printed on request (audited).
import { useState } from 'preact/hooks';
import type { NoticePrintReply, OneTimeNotice } from '../common/contract/notification.ts';
import { NOTICE_ITEMS } from '../common/notification.ts';
import { api, ApiError } from '../common/ui/api.ts';

export function NoticePanel({ ticketId, notice }: { ticketId: string; notice: OneTimeNotice }) {
  const [printed, setPrinted] = useState<string | null>(null);
  const print = () =>
    api<NoticePrintReply>('POST', `/api/tickets/${ticketId}/notice`, {}).then(
      (reply) => setPrinted(reply.printerReady ? '告知单已发送到打印机。' : '打印机暂时不能打印，恢复后会自动打印；如急需，请口头告知来访人。'),
      (err: unknown) => setPrinted(err instanceof ApiError ? err.message : String(err)),
    );
  return (
    <details class="notice-panel" data-testid="notice-panel">
      <summary>一次性告知（请向来访人说明以下五项）</summary>
      <dl>
        {NOTICE_ITEMS.map(({ key, title }) => (
          <div key={key}>
            <dt>{title}</dt>
            <dd>{key === 'materials' ? notice.materials.join('；') || '无' : notice[key]}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={print}>
        打印一次性告知单
      </button>
      {printed && (
        <p class="muted" role="status">
          {printed}
        </p>
      )}
    </details>
  );
}
