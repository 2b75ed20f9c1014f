import type { ServiceInfo } from '../../common/contract/queue.ts';
import { checkIdNumber, isCollective, MAX_REPRESENTATIVES } from '../../common/registration.ts';
import { maskIdNumber, maskPhone, type Draft, type StepId } from '../draft.ts';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export function ReviewStep(props: {
  draft: Draft;
  today: string;
  services: ServiceInfo[];
  collectiveService: string;
  onEdit: (step: StepId) => void;
}) {
  const { draft, services } = props;
  const p = draft.petitioner;
  const info = checkIdNumber(p.idNumber, props.today);
  const collective = isCollective(draft.visitors, draft.serviceCode, props.collectiveService);
  const serviceCode = collective ? props.collectiveService : draft.serviceCode;
  const serviceName = services.find((s) => s.code === serviceCode)?.name ?? serviceCode;
  const section = (title: string, step: StepId, rows: Array<[string, string]>) => (
    <div class="review-section">
      <div class="review-head">
        <h3>{title}</h3>
        <button type="button" class="secondary" onClick={() => props.onEdit(step)}>
          修改
        </button>
      </div>
      <dl>
        {rows.map(([label, value]) => (
          <Row key={label} label={label} value={value} />
        ))}
      </dl>
    </div>
  );
  return (
    <section class="step" aria-labelledby="step-title">
      <h2 id="step-title">请核对您的登记信息</h2>
      <p class="lead">
        将为您取<strong>{serviceName}</strong>的号。确认无误后请点“确认提交并取号”。
      </p>
      {section('身份信息', 'identity', [
        ['姓名', p.name],
        ['身份证号码', maskIdNumber(p.idNumber)],
        ['出生日期', info?.birthDate ?? ''],
        ['联系电话', maskPhone(p.phone)],
        ['住址或工作单位', p.address],
      ])}
      {section('来访情况', 'visit', [
        ['来访人数', `${draft.visitors} 人`],
        ['初访或重复访', draft.repeat ? '重复访' : '初访'],
        ...(draft.visitors > MAX_REPRESENTATIVES
          ? ([['代表', [p.name, ...draft.representatives.map((r) => r.name)].join('、')]] as Array<[string, string]>)
          : []),
      ])}
      {section('事情类别', 'matter', [
        ['事情的类别', draft.topic],
        ['您希望', draft.purposeLabel],
        ['问题属地', draft.placeName],
      ])}
      {section('问题和诉求', 'words', [
        ['反映的主要问题', draft.problem],
        ['诉求', draft.demands],
      ])}
    </section>
  );
}
