import type { RegistrationForm } from '../../common/contract/registration.ts';
import { NOTICE_ITEMS, noticeFor } from '../../common/notification.ts';
import { suggestedCategory } from '../../common/registration.ts';
import type { Draft } from '../draft.ts';

/**
 * 一次性告知: the five items (basis, handling office, procedure and time limits, materials,
 * remedies) for this matter's category, said once, acknowledged with one tap. The person may have
 * it printed with the ticket's page once the number is taken.
 */
export function NoticeStep(props: { draft: Draft; form: RegistrationForm; problem?: string | undefined; onAcknowledge: () => void }) {
  const { draft, form } = props;
  const notice = noticeFor(form, { serviceCode: draft.serviceCode, purpose: draft.purpose, category: suggestedCategory(draft.topic, form.topicCategories, form.categories) });
  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">一次性告知：请您了解以下事项</h2>
      <p class="lead">到窗口办理时，请出示或提交下面列出的材料。没有带齐也请先取号，工作人员会告诉您如何补充。取号后可以打印这份告知单带走。</p>
      <dl class="notice-items" data-testid="notice-items">
        {NOTICE_ITEMS.map(({ key, title }) => (
          <div key={key} class="notice-item">
            <dt>{title}</dt>
            <dd>
              {key === 'materials' ? (
                <ol class="materials" data-testid="materials">
                  {notice.materials.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ol>
              ) : (
                notice[key]
              )}
            </dd>
          </div>
        ))}
      </dl>
      {props.problem && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
      <button type="button" class="primary" aria-pressed={draft.acknowledged} onClick={props.onAcknowledge}>
        {draft.acknowledged ? '✓ 已知晓' : '我已知晓'}
      </button>
    </section>
  );
}
