import type { RegistrationForm } from '../../common/contract/registration.ts';
import { materialsFor, type Draft } from '../draft.ts';

/** 一次性告知: everything to bring or show, said once, acknowledged with one tap. */
export function NoticeStep(props: { draft: Draft; form: RegistrationForm; problem?: string | undefined; onAcknowledge: () => void }) {
  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">一次性告知：请准备以下材料</h2>
      <p class="lead">到窗口办理时，请出示或提交以下材料。没有带齐也请先取号，工作人员会告诉您如何补充。</p>
      <ol class="materials" data-testid="materials">
        {materialsFor(props.form, props.draft).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
      {props.problem && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
      <button type="button" class="primary" aria-pressed={props.draft.acknowledged} onClick={props.onAcknowledge}>
        {props.draft.acknowledged ? '✓ 已知晓' : '我已知晓'}
      </button>
    </section>
  );
}
