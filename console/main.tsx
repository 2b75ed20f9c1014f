import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { StaffTicket } from '../common/domain.ts';
import { ConnectionDot } from '../common/ui/connection-dot.tsx';
import { useHallSocket } from '../common/ui/use-hall-socket.ts';
import '../common/ui/base.css';
import './console.css';
import { useSession } from './use-session.ts';

const STATE_TEXT = { open: '开放', paused: '暂停', closed: '关闭' } as const;

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
      <label>
        用户名
        <input name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
      </label>
      {error && <p role="alert" class="error">{error}</p>}
      <button type="submit">登录</button>
    </form>
  );
}

function LiveQueue({ signedInKey }: { signedInKey: string }) {
  const { state, connected } = useHallSocket({ key: signedInKey });
  if (!state) return <p>正在加载排队情况…</p>;
  const waiting = state.waiting as StaffTicket[];
  return (
    <div class="live">
      <p>
        <ConnectionDot connected={connected} /> 服务日 {state.serviceDay}
      </p>
      <section>
        <h2>窗口</h2>
        <table>
          <thead>
            <tr><th>窗口</th><th>状态</th><th>工作人员</th><th>当前号</th></tr>
          </thead>
          <tbody>
            {state.windows.map((w) => (
              <tr key={w.no} data-testid={`console-window-${w.no}`}>
                <td>{w.name}</td>
                <td>{STATE_TEXT[w.state]}{w.pauseReason ? `(${w.pauseReason})` : ''}</td>
                <td>{w.onDuty ? `${w.onDuty.displayName}(${w.onDuty.staffNo})` : '—'}</td>
                <td>{w.current?.number ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>等候({waiting.length})</h2>
        <ol class="waiting">
          {waiting.map((t) => (
            <li key={t.id}>
              {t.number}
              {t.green && <span class="green-mark" title="绿色通道">绿</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Console() {
  const { session, error, signIn, signOut } = useSession();
  if (session.status !== 'signed-in') {
    if (session.status === 'checking') return <main class="console">正在加载…</main>;
    return (
      <main class="console">
        <SignIn error={error} onSubmit={(u, p) => void signIn(u, p)} />
      </main>
    );
  }
  return (
    <main class="console">
      <header>
        <h1>工作人员控制台</h1>
        <span>
          {session.staff.displayName}(工号 {session.staff.staffNo})
          <button onClick={() => void signOut()}>退出登录</button>
        </span>
      </header>
      <LiveQueue signedInKey={session.staff.id} />
    </main>
  );
}

render(<Console />, document.getElementById('app')!);
