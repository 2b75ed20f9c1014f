// `npm run agent` for the technician, in-process against a real hall server: pairing keeps the
// token in a 0600 file, and --check says in plain Chinese what it found, with a non-zero exit for
// every problem.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAgentCli, type AgentCliIo } from '../../devices/agent/main.ts';
import { COMPILED_AGENT } from '../../scripts/server-build.mjs';
import { pairingCode, startHall, type Hall } from '../support/hall.ts';

let hall: Hall | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await hall?.close();
  hall = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-cli-'));
  dirs.push(dir);
  return dir;
};

function cliIo() {
  const lines: string[] = [];
  const io: AgentCliIo = {
    createPort: () => {
      throw Object.assign(new Error('Error: No such file or directory, cannot open /dev/ttyNONE'), { code: 'ENOENT' });
    },
    udevList: () => Promise.reject(new Error('no udev')),
    devDir: temp(),
    fetch,
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
  };
  return { io, lines };
}

const codeFor = (h: Hall, kind: 'kiosk' | 'display') =>
  pairingCode(h, kind === 'kiosk' ? { kind, name: '3号自助机', printerId: 'P1', readerId: 'R1' } : { kind, name: '大屏' });

describe('npm run agent', () => {
  it('pairs once, keeps the token readable by its user only, and --check finds everything in order', async () => {
    hall = await startHall({ printers: [{ id: 'P1', name: '1号', agent: true }], readers: [{ id: 'R1', name: '1号', agent: true }] });
    const dir = temp();
    const pair = cliIo();
    const code = await codeFor(hall, 'kiosk');
    expect(await runAgentCli(['--server', hall.url, '--pair', code, '--dir', dir, '--printer', 'simulated', '--reader', 'simulated'], pair.io)).toBe(0);
    expect(pair.lines.join('\n')).toContain('配对成功');
    const file = join(dir, 'agent.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ server: hall.url, token: expect.any(String), printer: { simulated: true }, reader: { simulated: true } });

    const check = cliIo();
    expect(await runAgentCli(['--dir', dir, '--check'], check.io)).toBe(0);
    const said = check.lines.join('\n');
    expect(said).toContain('没有 udev');
    expect(said).toContain('打印机正常');
    expect(said).toContain('SAM 模块正常');
    expect(said).toContain('本机为自助机 3号自助机');
    expect(said).toContain('一切正常');
  });

  it('says what is wrong, with a non-zero exit: a missing port, a refused token, a code not for a kiosk', async () => {
    hall = await startHall();
    const dir = temp();
    const pair = cliIo();
    expect(await runAgentCli(['--server', hall.url, '--pair', await codeFor(hall, 'display'), '--dir', dir], pair.io)).toBe(2);
    expect(pair.lines.join('\n')).toContain('不是为自助机生成的');
    expect(await runAgentCli(['--server', hall.url, '--pair', '123', '--dir', dir], pair.io)).toBe(2);

    const kiosk = cliIo();
    expect(await runAgentCli(['--server', hall.url, '--pair', await codeFor(hall, 'kiosk'), '--dir', dir, '--printer', '/dev/ttyNONE', '--no-reader'], kiosk.io)).toBe(0);
    const me = JSON.parse(readFileSync(join(dir, 'agent.json'), 'utf8')).deviceId as string;
    await hall.app.inject({ method: 'POST', url: `/api/devices/${me}/revoke`, headers: { cookie: hall.admin } });
    const check = cliIo();
    expect(await runAgentCli(['--dir', dir, '--check'], check.io)).toBe(1);
    const said = check.lines.join('\n');
    expect(said).toContain('找不到端口 /dev/ttyNONE');
    expect(said).toContain('本机没有配置读卡器');
    expect(said).toContain('拒绝了本机的令牌');
    expect(said).toContain('有需要处理的问题');
  });
});

describe('the compiled agent (what the service runs)', () => {
  it('pairs, then checks the server in plain Chinese, with plain node', async () => {
    // Compiled before the tests (tests/setup/build-ui.ts), as `npm run build` does.
    hall = await startHall();
    const dir = temp();
    // Asynchronously: the hall answers from this same process.
    const agent = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--enable-source-maps', COMPILED_AGENT, ...args], { encoding: 'utf8', env: { ...process.env, XINFANG_AGENT_DIR: dir }, timeout: 30_000 });
    const paired = await agent('--server', hall.url, '--pair', await codeFor(hall, 'kiosk'));
    expect(paired.stdout).toContain('配对成功');
    expect(statSync(join(dir, 'agent.json')).mode & 0o777).toBe(0o600);
    // execFile rejects on a non-zero exit: resolving means --check found everything in order.
    const checked = await agent('--check');
    expect(checked.stdout).toContain(`大厅服务器（${hall.url}`);
    expect(checked.stdout).toContain('已连接');
  }, 60_000);
});
