import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CardIdentity, DeviceReply } from '../common/contract/devices.ts';
import type { ServiceInfo } from '../common/contract/queue.ts';
import type { KioskIssuingReply, RegistrationForm } from '../common/contract/registration.ts';
import { PHRASES } from '../common/phrases.ts';
import { serviceDayOf } from '../common/time.ts';
import { api } from '../common/ui/api.ts';
import { useHallSocket, type HallSocket } from '../common/ui/use-hall-socket.ts';
import { usePairing } from '../common/ui/use-pairing.ts';
import '../common/ui/base.css';
import { newDraft, problemsOf, STEPS, toBody, type Draft, type StepId } from './draft.ts';
import './kiosk.css';
import { IdentityStep } from './steps/identity.tsx';
import { MatterStep, WordsStep } from './steps/matter.tsx';
import { NoticeStep } from './steps/notice.tsx';
import { ReviewStep } from './steps/review.tsx';
import { VisitStep } from './steps/visit.tsx';
import { ElderToggle, Welcome } from './steps/welcome.tsx';
import { ProgressStep } from './steps/progress.tsx';
import { checkInByCard, CheckInStep, type CheckInStart } from './steps/check-in.tsx';
import { Result } from './steps/result.tsx';
import { useMoreBelow } from './use-more-below.ts';
import { Closed, Held } from './steps/held.tsx';
import { useIdle } from './use-idle.ts';
import { useKioskVoice } from './use-kiosk-voice.ts';
import { MuteButton } from './mute-button.tsx';
import { useSubmission } from './use-submission.ts';
import { checkIdentity } from './identity-check.ts';
import { useCardError } from './use-card-error.ts';
import { useCardRead } from './use-card-read.ts';
import { ElderMode, elderlyHint } from './elder.ts';
import { useAgentOnline } from './use-agent-status.ts';

/** Which step asks for a field the server refused. */
function stepOfField(field: string | null): StepId {
  if (!field) return 'review';
  if (field.startsWith('petitioner')) return 'identity';
  if (field.startsWith('visit') || field.startsWith('representatives')) return 'visit';
  if (field === 'matter.problem' || field === 'matter.demands') return 'words';
  if (field.startsWith('matter')) return 'matter';
  if (field === 'notificationAcknowledged') return 'notice';
  return 'review';
}

/** The form's lists and texts; loaded again when an admin changes them. */
function useRegistrationForm(enabled: boolean, connected: boolean, socket: HallSocket | null) {
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [hasReader, setHasReader] = useState(false);
  const load = () => void api<RegistrationForm>('GET', '/api/registration/form').then(setForm, () => undefined);
  useEffect(() => {
    if (!enabled || !connected || form) return;
    load();
    api<DeviceReply>('GET', '/api/devices/me').then((me) => setHasReader(me.device.readerId !== null), () => undefined);
  }, [enabled, connected]);
  useEffect(() => {
    if (!enabled) return;
    socket?.on('settings:changed', load);
    return () => void socket?.off('settings:changed', load);
  }, [socket, enabled]);
  return { form, hasReader };
}

/** The service an ID card placed on the welcome screen starts: the first of the form's offered today. */
const cardServiceOf = (form: RegistrationForm | null, services: readonly ServiceInfo[]) =>
  form?.cardServices.map((code) => services.find((s) => s.code === code && s.offeredToday)).find((s) => s !== undefined) ?? null;

function Kiosk() {
  const pairing = usePairing();
  const { state, connected, socket } = useHallSocket({ key: pairing.status });
  const { form, hasReader } = useRegistrationForm(pairing.status === 'paired', connected, socket);
  const cardError = useCardError(socket);
  const agentOnline = useAgentOnline(socket);
  const [elder, setElder] = useState(false);
  const moreBelow = useMoreBelow();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [step, setStep] = useState<StepId | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [querying, setQuerying] = useState(false);
  const [checkingIn, setCheckingIn] = useState<CheckInStart | false>(false);
  const [choosing, setChoosing] = useState<string | null>(null);
  const { submission, submit, reset, settle } = useSubmission(connected);
  const [checking, setChecking] = useState(false);
  // Until the hall's state arrives, the kiosk PC's own calendar day.
  const today = state?.serviceDay ?? serviceDayOf(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);

  const clearAll = () => {
    setQuerying(false);
    setCheckingIn(false);
    setChoosing(null);
    setDraft(null);
    setStep(null);
    setProblems({});
    setElder(false);
    voice.setMuted(false);
    reset();
  };

  // A submission on its way is never dropped by the idle timer: it completes, then the result shows.
  const busy = submission.status === 'sending' || submission.status === 'waiting' || checking;
  const warning = useIdle((draft !== null || querying || checkingIn !== false || choosing !== null) && !busy && !['done', 'held', 'closed'].includes(submission.status), form?.idleSeconds ?? 60, clearAll);

  // Voice guidance: the question of the form step on screen, the idle warning, the number taken.
  const onForm = draft !== null && form !== null && state !== null && !querying && !choosing && !['done', 'held', 'closed'].includes(submission.status);
  const voice = useKioskVoice(form?.voice, {
    prompt: onForm ? step : null,
    idle: warning !== null,
    taken: submission.status === 'done' ? { number: submission.reply.ticket.number, ahead: submission.reply.ahead, again: submission.reply.outcome === 'existing' } : null,
  });

  const patch = (change: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...change } : d));
  const patchPetitioner = (change: Partial<Draft['petitioner']>) => setDraft((d) => (d ? { ...d, petitioner: { ...d.petitioner, ...change } } : d));

  // The kiosk's own ID card reader fills the identity (delivered to this kiosk only). On the
  // welcome screen a card checks in the person's booking of today when there is one, and
  // otherwise starts the registration (the first-visit service) with it.
  const cardService = hasReader ? cardServiceOf(form, state?.services ?? []) : null;
  useCardRead(socket, (card: CardIdentity) => {
    const identity = { name: card.name, idNumber: card.idNumber.toUpperCase(), address: card.address, fromCard: true };
    // While checking a booking in, the card belongs to the check-in (check-in.tsx).
    if (checkingIn) return;
    const welcome = !step && !querying && !choosing && submission.status === 'idle' && form !== null;
    const serviceCode = draft?.serviceCode ?? cardService?.code;
    if (!welcome || !serviceCode) return patchPetitioner(identity);
    const begin = () => {
      if (!draft) askHours();
      const begun = draft ?? newDraft(serviceCode, form.collectiveService);
      setDraft({ ...begun, petitioner: { ...begun.petitioner, ...identity }, startedByCard: true });
      setStep('identity');
      setProblems({});
    };
    if (draft) return begin();
    void checkInByCard(identity.idNumber).then((booked) => (booked ? setCheckingIn(booked) : begin()));
  });

  // A refusal from the server: back to the step that asks for that field, with its message.
  useEffect(() => {
    if (submission.status !== 'refused') return;
    setStep(stepOfField(submission.field));
    setProblems({ [submission.field ?? 'review']: submission.message });
  }, [submission]);

  // Outside the kiosks' hours the person is told at once, before filling anything in (the server
  // refuses a number then anyway, with the same message).
  const askHours = () =>
    void api<KioskIssuingReply>('GET', '/api/intakes/issuing').then((hours) => {
      if (!hours.open) settle({ status: 'closed', message: hours.message });
    }, () => undefined);

  const start = (serviceCode: string, repeat: boolean | null = null) => {
    if (!draft) askHours();
    setChoosing(null);
    // Back at the welcome screen with a registration begun: keep what was entered.
    setDraft((d) => (d ? { ...d, serviceCode } : newDraft(serviceCode, form?.collectiveService ?? '', repeat)));
    setStep('identity');
    setProblems({});
  };
  const pick = (serviceCode: string) => (serviceCode === form?.queryService && !draft ? setChoosing(serviceCode) : start(serviceCode));
  const index = step ? STEPS.findIndex((s) => s.id === step) : -1;
  const go = (to: StepId | null) => {
    setProblems({});
    setStep(to);
    window.scrollTo(0, 0);
  };
  const next = () => {
    if (!draft || !step) return;
    const found = problemsOf(step, draft, today);
    if (Object.keys(found).length > 0) return setProblems(found);
    if (step === 'review') {
      reset();
      submit(toBody(draft, today));
      return;
    }
    if (step === 'identity') {
      // 一人一号 at once, not after five more steps.
      setChecking(true);
      void checkIdentity(draft).then((answer) => {
        setChecking(false);
        if (answer.status === 'go') go('visit');
        else if (answer.status === 'refused') setProblems({ [answer.field]: answer.message });
        else settle(answer);
      });
      return;
    }
    go(STEPS[index + 1]!.id);
  };

  const shell = (content: preact.ComponentChildren) => (
    <div class={elder ? 'app elder' : 'app'}>
      {!connected && pairing.status === 'paired' && (
        <p class="offline" role="status">
          {PHRASES.connectionLost}
        </p>
      )}
      {connected && agentOnline === false && (
        <p class="offline" role="status" data-testid="devices-unavailable">
          {PHRASES.devicesUnavailable}
        </p>
      )}
      {voice.available && <MuteButton muted={voice.muted} onMuted={voice.setMuted} />}
      <ElderMode.Provider value={elder}>{content}</ElderMode.Provider>
      {cardError && (
        <p class="problem card-error" role="alert" data-testid="card-error">
          {cardError}
        </p>
      )}
      {warning !== null && (
        <div class="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title">
          <div class="dialog">
            <h2 id="idle-title">您还在吗？</h2>
            <p>
              为保护您的信息，<strong data-testid="idle-countdown">{warning}</strong> 秒后将清除已填写的内容并回到首页。如需继续，请点击“继续填写”。
            </p>
            {/* Any touch counts as activity (use-idle.ts): this button only has to be easy to find. */}
            <button type="button" class="primary continue">
              继续填写
            </button>
          </div>
        </div>
      )}
    </div>
  );

  if (submission.status === 'done') {
    return shell(<Result reply={submission.reply} socket={socket} windows={state?.windows ?? []} seconds={30} onDone={clearAll} />);
  }
  if (submission.status === 'held') return shell(<Held message={submission.message} seconds={30} onDone={clearAll} />);
  if (submission.status === 'closed') return shell(<Closed message={submission.message} seconds={30} onDone={clearAll} />);
  if (querying) return shell(<ProgressStep today={today} onDone={clearAll} />);
  if (checkingIn) return shell(<CheckInStep socket={socket} hasReader={hasReader} start={checkingIn} onDone={clearAll} onWalkIn={() => setCheckingIn(false)} />);
  if (choosing) {
    return shell(
      <main class="kiosk welcome">
        <h1>{state?.services.find((s) => s.code === choosing)?.name ?? '重复访·查询'}</h1>
        <p class="lead">请问您今天想办理哪一项？</p>
        <div class="services">
          <button type="button" class="service" onClick={() => (setChoosing(null), setQuerying(true))}>
            <span class="service-name">查询办理进度</span>
            <span class="service-count">扫描号票二维码或输入身份证号码</span>
          </button>
          <button type="button" class="service" onClick={() => start(choosing, true)}>
            <span class="service-name">登记重复来访</span>
            <span class="service-count">以前反映过，今天再来反映</span>
          </button>
        </div>
        <button type="button" class="secondary" onClick={clearAll}>
          返回首页
        </button>
      </main>,
    );
  }
  if (!draft || !step || !form || !state) {
    return shell(
      <Welcome
        hallName={state?.hallName ?? '人民来访接待大厅'}
        services={state?.services ?? []}
        counts={state?.waitingCounts ?? {}}
        pairing={pairing}
        ready={form !== null && state !== null}
        elder={elder}
        onElder={setElder}
        onPick={pick}
        onQuery={() => setQuerying(true)}
        onCheckIn={() => setCheckingIn({})}
        cardServiceName={cardService?.name ?? null}
      />,
    );
  }

  const body = (() => {
    switch (step) {
      case 'identity':
        return (
          <IdentityStep
            draft={draft}
            today={today}
            hasReader={hasReader}
            serviceName={state.services.find((s) => s.code === draft.serviceCode)?.name ?? ''}
            problems={problems}
            elderHint={elderlyHint(form.elderly, draft.petitioner.idNumber, today)}
            askSms={form.sms}
            onChange={patchPetitioner}
          />
        );
      case 'visit':
        return <VisitStep draft={draft} today={today} problems={problems} onChange={patch} />;
      case 'matter':
        return <MatterStep draft={draft} form={form} problems={problems} onChange={patch} />;
      case 'words':
        return <WordsStep draft={draft} form={form} problems={problems} onChange={patch} />;
      case 'notice':
        return (
          <NoticeStep
            draft={draft}
            form={form}
            problem={problems.notificationAcknowledged}
            onAcknowledge={() => {
              patch({ acknowledged: true });
              go('review');
            }}
          />
        );
      case 'review':
        return <ReviewStep draft={draft} today={today} services={state.services} collectiveService={form.collectiveService} onEdit={go} />;
    }
  })();

  return shell(
    <main class="kiosk form">
      <ol class="progress" aria-label="登记步骤">
        {STEPS.map((s, i) => (
          <li key={s.id} class={i < index ? 'done' : i === index ? 'current' : ''} aria-current={i === index ? 'step' : undefined}>
            <span class="progress-no">{i + 1}</span>
            <span class="progress-title">{s.title}</span>
          </li>
        ))}
      </ol>
      {body}
      {problems.review && (
        <p class="problem" role="alert">
          {problems.review}
        </p>
      )}
      {busy && (
        <p class="notice" role="status" data-testid="submitting">
          {checking ? '正在核对您的身份信息，请稍候…' : submission.status === 'waiting' ? '网络连接暂时中断，您的登记已保留，连接恢复后会自动提交，请稍候。' : '正在提交，请稍候…'}
        </p>
      )}
      {/* The actions stay on screen whatever the content's length; longer content scrolls. */}
      <div class="actions" data-testid="actions">
        {moreBelow && (
          <p class="more-below" data-testid="more-below">
            ▼ 下面还有内容，请用手指向上滑动查看
          </p>
        )}
        <nav class="nav">
          <button type="button" class="secondary" disabled={busy} onClick={() => go(index > 0 ? STEPS[index - 1]!.id : null)}>
            上一步
          </button>
          {step !== 'notice' && (
            <button type="button" class="primary" disabled={busy} onClick={next} data-testid="next">
              {step === 'review' ? '确认提交并取号' : '下一步'}
            </button>
          )}
        </nav>
        <div class="minor-actions">
          <button type="button" class="link" disabled={busy} onClick={clearAll}>
            重新开始（清除已填写的内容）
          </button>
          <ElderToggle elder={elder} onElder={setElder} />
        </div>
      </div>
    </main>,
  );
}

render(<Kiosk />, document.getElementById('app')!);
