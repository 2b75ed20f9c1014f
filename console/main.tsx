import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StaffProfile } from '../common/contract/staff.ts';
import type { StaffRole } from '../common/vocabulary.ts';
import { api } from '../common/ui/api.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import '../common/ui/base.css';
import './console.css';
import { AdminPage } from './admin/admin-page.tsx';
import type { ConsoleSettings } from '../common/contract/staff.ts';
import { BookingPage } from './booking-page.tsx';
import { DeskPage } from './desk-page.tsx';
import { ForwardingPage, ForwardingWarning } from './forwarding-page.tsx';
import { LeaderPage } from './leader-page.tsx';
import { SupervisionPage } from './supervision-page.tsx';
import { DeadlinesPage } from './deadlines-page.tsx';
import { useSession } from './use-session.ts';
import { LabelledInput } from './ui/field.tsx';
import { WindowPage } from './window-page.tsx';

/** The pages and who sees them; the server checks every action again. */
const PAGES = [
  { id: 'window', title: '窗口接待', roles: ['reception', 'admin'] },
  { id: 'desk', title: '服务台', roles: ['desk', 'admin'] },
  { id: 'leader', title: '领导视图', roles: ['leader', 'admin'] },
  { id: 'booking', title: '预约接待', roles: ['desk', 'leader', 'reception', 'admin'] },
  { id: 'forwarding', title: '转送情况', roles: ['reception', 'desk', 'leader', 'admin'] },
  { id: 'reports', title: '报表', roles: ['desk', 'leader', 'admin'] },
  { id: 'supervision', title: '督办', roles: ['desk', 'leader', 'admin'] },
  { id: 'deadlines', title: '时限', roles: ['desk', 'leader', 'admin'] },
  { id: 'admin', title: '管理', roles: ['admin'] },
] as const satisfies ReadonlyArray<{ id: string; title: string; roles: readonly StaffRole[] }>;
type PageId = (typeof PAGES)[number]['id'];

/** The report page and its charts load on first opening, so the console's first load stays small. */
function LazyReportsPage({ timeZone }: { timeZone: string }) {
  const [page, setPage] = useState<typeof import('./reports/reports-page.tsx') | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => void import('./reports/reports-page.tsx').then(setPage, () => setFailed(true)), []);
  if (failed) return <p role="alert" class="error">报表页面未能加载，请检查网络后刷新页面。</p>;
  return page ? <page.ReportsPage timeZone={timeZone} /> : <p>正在加载…</p>;
}

function SignIn({ error, onSubmit }: { error: string | null; onSubmit: (u: string, p: string) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form
      class="sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(username, password);
      }}
    >
      <h1>工作人员登录</h1>
      <LabelledInput id="username" label="用户名" name="username" autoComplete="username" value={username} onValue={setUsername} required />
      <LabelledInput id="password" label="密码" name="password" type="password" autoComplete="current-password" value={password} onValue={setPassword} required />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit">登录</button>
    </form>
  );
}

function usePage(allowed: PageId[]): [PageId | null, (id: PageId) => void] {
  const read = () => location.hash.replace(/^#\/?/, '') as PageId;
  const [page, setPage] = useState<PageId>(read());
  useEffect(() => {
    const onHash = () => setPage(read());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const current = allowed.includes(page) ? page : (allowed[0] ?? null);
  return [current, (id) => (location.hash = `/${id}`)];
}

function Workspace({ staff, onSignOut }: { staff: StaffProfile; onSignOut: () => void }) {
  const { state, connected, socket } = useHallSocket({ key: staff.id });
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const allowed = PAGES.filter((p) => p.roles.some((r) => staff.roles.includes(r)));
  const [page, go] = usePage(allowed.map((p) => p.id));
  useEffect(() => void api<ConsoleSettings>('GET', '/api/console/settings').then(setSettings, () => undefined), []);

  return (
    <>
      <header class="top">
        <h1>工作人员控制台</h1>
        <nav aria-label="页面">
          {allowed.map((p) => (
            <a key={p.id} href={`#/${p.id}`} aria-current={page === p.id ? 'page' : undefined} onClick={() => go(p.id)}>
              {p.title}
            </a>
          ))}
        </nav>
        <span class="who">
          <ConnectionDot connected={connected} /> {staff.displayName}（工号 {staff.staffNo}）
          <button type="button" class="secondary" onClick={onSignOut}>
            退出登录
          </button>
        </span>
      </header>
      <main class="console">
        <ForwardingWarning />
        {!state || !settings ? (
          <p>正在加载…</p>
        ) : page === 'window' ? (
          <WindowPage state={state} staff={staff} settings={settings} />
        ) : page === 'desk' ? (
          <DeskPage state={state} settings={settings} socket={socket} />
        ) : page === 'leader' ? (
          <LeaderPage state={state} socket={socket} />
        ) : page === 'admin' ? (
          <AdminPage state={state} settings={settings} me={staff.id} />
        ) : page === 'reports' ? (
          <LazyReportsPage timeZone={state.timeZone} />
        ) : page === 'supervision' ? (
          <SupervisionPage canAssign={staff.roles.some((r) => r === 'leader' || r === 'admin')} timeZone={state.timeZone} />
        ) : page === 'deadlines' ? (
          <DeadlinesPage />
        ) : page === 'booking' ? (
          <BookingPage today={state.serviceDay} socket={socket} canBook={staff.roles.some((r) => r === 'desk' || r === 'admin')} />
        ) : page === 'forwarding' ? (
          <ForwardingPage canResend={staff.roles.some((r) => r === 'desk' || r === 'admin')} timeZone={state.timeZone} />
        ) : (
          <p>您的账号还没有分配可用的页面，请联系管理员。</p>
        )}
      </main>
    </>
  );
}

function Console() {
  const { session, error, signIn, signOut } = useSession();
  if (session.status === 'checking') return <main class="console">正在加载…</main>;
  if (session.status !== 'signed-in') {
    return (
      <main class="console">
        <SignIn error={error} onSubmit={(u, p) => void signIn(u, p)} />
      </main>
    );
  }
  return <Workspace staff={session.staff} onSignOut={() => void signOut()} />;
}

render(<Console />, document.getElementById('app')!);
