// The security desk (服务台): green-channel numbers (audited) with their registration (补登记)
// when the person is helped at the desk, numbers for people who cannot use the kiosk, reprint,
// reinstate, cancel; device status at a glance; alerts (also what the day rollover left open).
import type { ConsoleSettings } from '../common/contract/staff.ts';
import { useEffect, useState } from 'preact/hooks';
import type { EstimatedTicketReply, QueueSnapshot, StaffTicket, TicketListReply } from '../common/contract/queue.ts';
import { api } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';
import { AlertList, useAlerts } from './use-alerts.tsx';
import { DeskTickets } from './desk-tickets.tsx';
import { DeviceStatusPanel } from './device-status-panel.tsx';
import { RegistrationPanel } from './registration-panel.tsx';
import { type Action, ActionMessage, useAction } from './use-action.tsx';
import { WalkInForm } from './walk-in-form.tsx';
import { LabelledInput, LabelledSelect } from './ui/field.tsx';

export function DeskPage({ state, settings, socket }: { state: QueueSnapshot; settings: ConsoleSettings; socket: HallSocket | null }) {
  const [printerId, setPrinterId] = useState(settings.deskPrinter);
  const [tickets, setTickets] = useState<StaffTicket[]>([]);
  /** The ticket whose registration the desk asked to read (a reason is asked for first). */
  const [reading, setReading] = useState<StaffTicket | null>(null);
  /** The number just issued, which the desk may register at once; and whether the form is open. */
  const [issued, setIssued] = useState<StaffTicket | null>(null);
  const [registering, setRegistering] = useState(false);
  const action = useAction();
  const alerts = useAlerts(socket);

  const loadTickets = () => api<TicketListReply>('GET', '/api/tickets?limit=200').then(({ tickets }) => setTickets(tickets), () => undefined);
  useEffect(() => void loadTickets(), [state.seq]);

  return (
    <div class="desk-page">
      <AlertList alerts={alerts} timeZone={state.timeZone} />
      <section class="panel" aria-labelledby="issue-title">
        <h2 id="issue-title">帮办取号</h2>
        <IssueForm state={state} settings={settings} printerId={printerId} onPrinter={setPrinterId} action={action} onIssued={(t) => (setIssued(t), setRegistering(false))} />
        <ActionMessage message={action.message} />
        {issued && !registering && (
          <button type="button" class="secondary" onClick={() => setRegistering(true)}>
            为 {issued.number} 号登记来访信息
          </button>
        )}
      </section>
      {issued && registering && (
        <WalkInForm
          key={issued.id}
          state={state}
          target={{ kind: 'ticket', ticketId: issued.id, number: issued.number, serviceCode: issued.serviceCode }}
          onDone={(view) => {
            setRegistering(false);
            if (view) setIssued(null);
          }}
        />
      )}
      <DeskTickets state={state} tickets={tickets} printerId={printerId} action={action} onRead={setReading} />
      {reading && (
        <div class="reading" data-testid="desk-registration">
          <RegistrationPanel key={reading.id} ticketId={reading.id} number={reading.number} mode="lookup" />
          <button type="button" class="secondary" onClick={() => setReading(null)}>
            关闭登记信息
          </button>
        </div>
      )}
      <DeviceStatusPanel socket={socket} timeZone={state.timeZone} />
    </div>
  );
}

/** A green-channel number with its reason (audited), or an ordinary number issued for someone. */
function IssueForm(props: { state: QueueSnapshot; settings: ConsoleSettings; printerId: string; onPrinter: (id: string) => void; action: Action; onIssued: (ticket: StaffTicket) => void }) {
  const { state, settings, printerId, action } = props;
  const services = state.services.filter((s) => s.offeredToday);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [serviceCode, setServiceCode] = useState(services[0]?.code ?? '');
  const needsNote = settings.greenReasons.find((r) => r.code === reason)?.needsNote ?? false;
  const issue = (green: boolean) =>
    action
      .run<EstimatedTicketReply>(
      'POST',
      '/api/tickets',
      { serviceCode, printerId, ...(green ? { priority: 'green', greenReason: reason, ...(note.trim() ? { greenNote: note.trim() } : {}) } : {}) },
      ({ ticket }) => `已取号 ${ticket.number}${green ? '（绿色通道，已记录）' : ''}，号票在${settings.printers.find((p) => p.id === printerId)?.name ?? '打印机'}打印。`,
      )
      .then((done) => {
        if (done) props.onIssued(done.ticket);
        return done;
      });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void issue(true).then((done) => done && (setReason(''), setNote('')));
      }}
    >
      <fieldset class="reasons">
        <legend>绿色通道原因</legend>
        {settings.greenReasons.map((r) => (
          <label key={r.code} class="radio">
            <input type="radio" name="green-reason" value={r.code} checked={reason === r.code} onChange={() => setReason(r.code)} />
            {r.label}
          </label>
        ))}
      </fieldset>
      <div class="grid">
        <LabelledInput id="green-note" label={`具体情况${needsNote ? '（必填）' : '（选填）'}`} value={note} maxLength={100} required={needsNote} onValue={setNote} />
        <LabelledSelect id="issue-service" label="业务" value={serviceCode} choices={services.map((s) => ({ value: s.code, label: s.name }))} onValue={setServiceCode} />
        <LabelledSelect id="issue-printer" label="打印机" value={printerId} choices={settings.printers.map((p) => ({ value: p.id, label: p.name }))} onValue={props.onPrinter} />
      </div>
      <div class="inline">
        <button type="submit" disabled={!reason || action.busy}>
          取绿色通道号
        </button>
        <button type="button" class="secondary" disabled={action.busy} onClick={() => void issue(false)}>
          取普通号（帮办）
        </button>
      </div>
    </form>
  );
}
