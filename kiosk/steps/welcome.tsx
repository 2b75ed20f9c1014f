import type { ServiceInfo } from '../../common/contract/queue.ts';
import { PHRASES } from '../../common/phrases.ts';
import type { Pairing } from '../../common/ui/use-pairing.ts';

export function Welcome(props: {
  hallName: string;
  services: ServiceInfo[];
  counts: Record<string, number>;
  pairing: Pairing;
  ready: boolean;
  elder: boolean;
  onElder: (on: boolean) => void;
  onPick: (code: string) => void;
  onQuery: () => void;
  /** 预约签到: a person with a booking. */
  onCheckIn: () => void;
  /** The service an ID card placed on the reader starts; null: no reader, or none offered today. */
  cardServiceName: string | null;
}) {
  const { pairing } = props;
  return (
    <main class="kiosk welcome">
      <h1>{props.hallName}</h1>
      <p class="lead">{PHRASES.welcome}请点击您要办理的事项，我们一步一步帮您登记取号。</p>
      {pairing.status === 'unpaired' && <p class="notice">这台自助机尚未完成设置，请到服务台，工作人员会为您办理取号。</p>}
      {pairing.status === 'failed' && <p class="notice">{pairing.message}</p>}
      {pairing.status === 'paired' && !props.ready && <p class="notice">正在准备，请稍候…</p>}
      {props.ready && props.cardServiceName && (
        <p class="notice card-hint" data-testid="card-hint">
          最简单的办法：请把身份证放在读卡区，我们会一步一步为您办理“{props.cardServiceName}”。
        </p>
      )}
      {props.ready && (
        <div class="services">
          {props.services
            .filter((s) => s.offeredToday)
            .map((s) => (
              <button type="button" class="service" key={s.code} onClick={() => props.onPick(s.code)}>
                <span class="service-name">{s.name}</span>
                <span class="service-count">{props.counts[s.code] ?? 0} 人等候</span>
              </button>
            ))}
        </div>
      )}
      {props.ready && (
        <button type="button" class="secondary query" onClick={props.onQuery}>
          查询办理进度
        </button>
      )}
      {props.ready && (
        <button type="button" class="secondary check-in" onClick={props.onCheckIn}>
          预约签到
        </button>
      )}
      <ElderToggle elder={props.elder} onElder={props.onElder} />
      <p class="privacy">您的个人信息仅用于本次来访登记，我们会严格保密，公共屏幕上只显示号码。</p>
    </main>
  );
}

/** 大字模式: on every screen, so a person can switch it on where they find the text too small. */
export function ElderToggle(props: { elder: boolean; onElder: (on: boolean) => void }) {
  return (
    <button type="button" class="secondary elder-toggle" aria-pressed={props.elder} onClick={() => props.onElder(!props.elder)}>
      {props.elder ? '恢复正常字体' : '大字模式'}
    </button>
  );
}
