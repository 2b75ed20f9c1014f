// 回访 of a rectification task: when the person was called back, what came of it, and whether they
// are satisfied now. Recording it closes the task (audited on the server).
import { useState } from 'preact/hooks';
import { LabelledSelect, LabelledTextarea } from './ui/field.tsx';
import type { Action } from './use-action.tsx';

export function FollowUpForm({ taskId, action, onDone }: { taskId: string; action: Action; onDone: () => void }) {
  const [result, setResult] = useState('');
  const [satisfied, setSatisfied] = useState('');
  return (
    <form
      class="grid follow-up"
      aria-label="登记回访"
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run('POST', `/api/rectifications/${taskId}/follow-up`, { result, satisfied: satisfied === 'yes' }, () => '回访已登记，整改已办结。')
          .then((done) => done && onDone());
      }}
    >
      <LabelledTextarea id={`result-${taskId}`} label="回访情况（整改措施、来访人意见）" value={result} onValue={setResult} minLength={2} maxLength={300} required wide />
      <LabelledSelect
        id={`satisfied-${taskId}`}
        label="来访人对整改是否满意"
        value={satisfied}
        empty="请选择"
        choices={[
          { value: 'yes', label: '满意' },
          { value: 'no', label: '不满意' },
        ]}
        onValue={setSatisfied}
        required
      />
      <button type="submit" disabled={action.busy}>
        保存回访
      </button>
    </form>
  );
}
