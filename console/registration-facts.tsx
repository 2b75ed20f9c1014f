// What the registration says, read only: the petitioner (all of it when looked up at the desk),
// the visit, and earlier registrations of the same person with their answers.
import type { RegistrationView } from '../common/contract/registration.ts';

const GENDER: Record<string, string> = { male: '男', female: '女' };
export const STATE: Record<string, string> = { submitted: '待核对', verified: '已核对', forwarded: '已转送', acknowledged: '已受理' };

export function RegistrationFacts({ view, lookup }: { view: RegistrationView; lookup: boolean }) {
  const p = view.petitioner;
  return (
    <dl class="facts">
      {lookup && (
        <>
          <dt>姓名</dt>
          <dd data-testid="registration-name">{p.name}</dd>
          <dt>联系电话</dt>
          <dd>{p.phone}</dd>
          <dt>住址或工作单位</dt>
          <dd>{p.address}</dd>
          <dt>内容分类 / 信访目的</dt>
          <dd>
            {view.matter.category || '待分类'} / {view.matter.purpose || '待分类'}
          </dd>
          <dt>反映的主要问题</dt>
          <dd>{view.matter.problem}</dd>
          <dt>诉求</dt>
          <dd>{view.matter.demands}</dd>
          <dt>现场答复</dt>
          <dd>{view.answer || '—'}</dd>
        </>
      )}
      <dt>身份证号码</dt>
      <dd data-testid="registration-id">{p.idNumber}</dd>
      <dt>出生日期 / 性别</dt>
      <dd>
        {p.birthDate} / {GENDER[view.gender] ?? view.gender}
      </dd>
      <dt>来访人数</dt>
      <dd>
        {view.visitors} 人{view.collective ? '（集体访）' : ''}
        {view.representatives.length > 0 && `，其他代表：${view.representatives.map((r) => `${r.name}（${r.idNumber}）`).join('、')}`}
      </dd>
      <dt>来访人选的事情类别</dt>
      <dd data-testid="registration-topic">{view.matter.topic ?? '—（窗口登记）'}</dd>
      <dt>问题属地</dt>
      <dd>{view.matter.placeName}</dd>
      <dt>首问负责人</dt>
      <dd>{view.firstReceiver ?? '—'}</dd>
    </dl>
  );
}

export function PreviousVisits({ previous }: { previous: RegistrationView['previous'] }) {
  if (previous.length === 0) return null;
  return (
    <details open>
      <summary>以往登记（{previous.length}）</summary>
      <ul class="previous">
        {previous.map((v) => (
          <li key={`${v.date}-${v.number}`}>
            {v.date} {v.number} · {v.category || '待分类'} · {v.purpose || '待分类'} · {STATE[v.state]}
            {v.receiver ? ` · 接待：${v.receiver}` : ''}
            <br />
            答复：{v.confidential ? '（揭发控告事项，答复仅限经办人员查看）' : (v.answer ?? '（未记录）')}
          </li>
        ))}
      </ul>
    </details>
  );
}
