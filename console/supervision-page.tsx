// 督办: the rectification tasks (整改) of 差评 for leaders and the desk — state, reasons, deadline in
// working days (overdue marked), owner — and the 回访 that closes each. The evaluated staff member's
// own tasks come without the ticket (the server leaves it out).
import { useEffect, useState } from 'preact/hooks';
import type { Rectification, RectificationListReply } from '../common/contract/evaluation.ts';
import { LEVEL_LABELS } from '../common/evaluation.ts';
import { hallTime } from '../common/time.ts';
import { api } from '../common/ui/api.ts';
import { FollowUpForm } from './follow-up-form.tsx';
import { LabelledSelect } from './ui/field.tsx';
import { ActionMessage, useAction, type Action } from './use-action.tsx';

const SHOWN = [
  { value: 'open', label: '未办结' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' },
];

function Row({ task, list, canAssign, timeZone, action, reload }: { task: Rectification; list: RectificationListReply; canAssign: boolean; timeZone: string; action: Action; reload: () => void }) {
  const [open, setOpen] = useState(false);
  const assign = (ownerId: string) => void action.run('POST', `/api/rectifications/${task.id}/owner`, { ownerId }, (r: { task: Rectification }) => `已指定 ${r.task.owner?.name ?? ''} 负责整改。`).then(reload);
  return (
    <>
      <tr class={task.overdue ? 'attention' : ''} data-testid="rectification">
        <td>{task.serviceDay}</td>
        <td>{task.number || '—'}</td>
        <td>
          {task.windowNo}号窗口 · {task.staffName}
        </td>
        <td>{task.serviceName}</td>
        <td>{LEVEL_LABELS[task.level]}</td>
        <td>
          {task.reasons.join('、')}
          {task.comment && <div class="muted">“{task.comment}”</div>}
        </td>
        <td>
          {task.dueDay}
          {task.overdue && <strong class="error"> 已逾期</strong>}
        </td>
        <td>
          {canAssign && task.state === 'open' ? (
            <LabelledSelect id={`owner-${task.id}`} label={<span class="sr-only">整改负责人</span>} value={task.owner?.id ?? ''} empty="请指定" choices={list.owners.map((o) => ({ value: o.id, label: o.name }))} onValue={assign} />
          ) : (
            (task.owner?.name ?? '未指定')
          )}
        </td>
        <td>
          {task.followUp ? (
            <span>
              已回访（{hallTime(task.followUp.calledAt, timeZone, { withDate: true })}，{task.followUp.byName}，{task.followUp.satisfied ? '满意' : '不满意'}）：{task.followUp.result}
            </span>
          ) : (
            <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
              登记回访
            </button>
          )}
        </td>
      </tr>
      {open && !task.followUp && (
        <tr>
          <td colSpan={9}>
            <FollowUpForm taskId={task.id} action={action} onDone={() => (setOpen(false), reload())} />
          </td>
        </tr>
      )}
    </>
  );
}

export function SupervisionPage({ canAssign, timeZone }: { canAssign: boolean; timeZone: string }) {
  const [shown, setShown] = useState('open');
  const [list, setList] = useState<RectificationListReply | null>(null);
  const action = useAction();
  const load = () => void api<RectificationListReply>('GET', `/api/rectifications?state=${shown}`).then(setList, () => undefined);
  useEffect(load, [shown]);
  if (!list) return <p>正在加载…</p>;
  const overdue = list.tasks.filter((t) => t.overdue).length;
  return (
    <section class="panel" aria-labelledby="supervision-title">
      <h2 id="supervision-title">
        督办：差评整改（{SHOWN.find((s) => s.value === shown)!.label} {list.tasks.length} 项{overdue > 0 && `，其中逾期 ${overdue} 项`}）
      </h2>
      <ActionMessage message={action.message} />
      <div class="toolbar">
        <LabelledSelect id="supervision-shown" label="显示" value={shown} choices={SHOWN} onValue={setShown} />
      </div>
      {list.tasks.length === 0 ? (
        <p>目前没有需要督办的整改事项。</p>
      ) : (
        <table>
          <thead>
            <tr>
              {['评价日期', '号码', '窗口与工作人员', '业务', '评价', '原因与意见', '整改期限', '负责人', '回访'].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.tasks.map((task) => (
              <Row key={task.id} task={task} list={list} canAssign={canAssign} timeZone={timeZone} action={action} reload={load} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
