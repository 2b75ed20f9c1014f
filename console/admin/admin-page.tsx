// Administration (管理): windows and their services, booking slots and closed days, notices and lists, staff accounts, devices and
// pairing, the audit log and green-channel use per staff member. Admin only; the server checks each
// action. One panel per file in this folder.
import type { QueueSnapshot } from '../../common/contract/queue.ts';
import type { ConsoleSettings } from '../../common/contract/staff.ts';
import { AuditPanel } from './audit-panel.tsx';
import { BookingPanel } from './booking-panel.tsx';
import { DevicesPanel } from './devices-panel.tsx';
import { ServicesPanel } from './services-panel.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { StaffPanel } from './staff-panel.tsx';
import { WindowsPanel } from './windows-panel.tsx';

export function AdminPage({ state, settings, me }: { state: QueueSnapshot; settings: ConsoleSettings; me: string }) {
  return (
    <div class="admin-page">
      <WindowsPanel state={state} />
      <ServicesPanel />
      <BookingPanel />
      <SettingsPanel state={state} />
      <StaffPanel me={me} />
      <DevicesPanel state={state} settings={settings} />
      <AuditPanel reasons={settings.greenReasons} timeZone={state.timeZone} />
    </div>
  );
}
