// `npm run agent -- …`: the device agent on a kiosk PC (see README "Device agent on a kiosk PC").
//   first time:  npm run agent -- --server http://HALL:3000 --pair 12345678 --printer /dev/serial/by-id/… --reader /dev/serial/by-id/…
//   then:        npm run agent            (the systemd unit devices/agent/xinfang-agent.service)
//   technician:  npm run agent -- --check (ports, printer, reader and server, in plain Chinese)
// The token and settings are kept in <dir>/agent.json (0600); <dir> is --dir, or
// XINFANG_AGENT_DIR, or ~/.xinfang-agent.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import { PRINTER_CONDITION_TEXT, READER_CONDITION_TEXT } from '../condition-text.ts';
import { createPrinterDriver, createReaderDriver, realPort } from '../factory.ts';
import { listPorts, type UdevList } from '../port-list.ts';
import { describeOpenFailure, type PortFactory, type SerialSettings } from '../serial.ts';
import { startAgent } from './agent.ts';
import { rotatingLog } from './agent-log.ts';
import { loadState, saveState, stateFile, type AgentState } from './state.ts';

export interface AgentCliIo {
  createPort: PortFactory;
  udevList: UdevList;
  devDir: string;
  fetch: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `用法：
  npm run agent -- --server http://192.168.1.10:3000 --pair 配对码 [--printer 端口|simulated] [--reader 端口|simulated]
  npm run agent                 按已保存的设置运行
  npm run agent -- --check      检查本机端口、打印机、读卡器和服务器连接
选项：--dir 目录（保存令牌和日志，默认 ~/.xinfang-agent）  --printer-baud 9600  --reader-baud 115200  --no-printer  --no-reader`;

class Fault extends Error {}

export async function runAgentCli(args: string[], io: AgentCliIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        server: { type: 'string' },
        pair: { type: 'string' },
        dir: { type: 'string' },
        printer: { type: 'string' },
        reader: { type: 'string' },
        'printer-baud': { type: 'string' },
        'reader-baud': { type: 'string' },
        'no-printer': { type: 'boolean' },
        'no-reader': { type: 'boolean' },
        check: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
    if (values.help) return io.out(USAGE), 0;
    const dir = values.dir ?? process.env.XINFANG_AGENT_DIR ?? join(homedir(), '.xinfang-agent');
    let state = loadState(dir);
    if (values.pair) state = await pair(values.server ?? state?.server, values.pair, io);
    if (!state) throw new Fault(`本机还没有配对。请先运行：npm run agent -- --server http://192.168.1.10:3000 --pair 配对码\n${USAGE}`);
    if (values.server) state.server = values.server;
    const device = (path: string | undefined, baud: string | undefined, none: boolean | undefined, fallback: AgentState['printer']) => {
      if (none) return undefined;
      if (path === 'simulated') return { simulated: true };
      if (path) return { port: { path, baudRate: baud ? Number(baud) : 0 } as SerialSettings };
      return fallback;
    };
    state.printer = device(values.printer, values['printer-baud'], values['no-printer'], state.printer);
    state.reader = device(values.reader, values['reader-baud'], values['no-reader'], state.reader);
    if (state.printer?.port && !state.printer.port.baudRate) state.printer.port.baudRate = 9600;
    if (state.reader?.port && !state.reader.port.baudRate) state.reader.port.baudRate = 115200;
    for (const [name, port] of [['--printer-baud', state.printer?.port], ['--reader-baud', state.reader?.port]] as const) {
      if (port && ![9600, 19200, 38400, 57600, 115200].includes(port.baudRate)) throw new Fault(`${name} 应为 9600、19200、38400、57600 或 115200。`);
    }
    saveState(dir, state);
    if (values.pair) io.out(`配对成功，设置已保存在 ${stateFile(dir)}（仅本用户可读）。`);
    if (values.check) return await check(state, dir, io);
    if (values.pair) return 0;
    return await run(state, dir, io);
  } catch (err) {
    io.err(err instanceof Fault ? err.message : `出错了：${(err as Error).message}`);
    return err instanceof Fault ? 2 : 1;
  }
}

async function pair(server: string | undefined, code: string, io: AgentCliIo): Promise<AgentState> {
  if (!server) throw new Fault('配对时请用 --server 指定大厅服务器地址，例如 --server http://192.168.1.10:3000');
  if (!/^\d{8}$/.test(code)) throw new Fault('配对码应为 8 位数字（在控制台“设备”页为自助机生成）。');
  const response = await io.fetch(new URL('/api/devices/enrol', server), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  }).catch((err: Error) => {
    throw new Fault(`连不上大厅服务器 ${server}（${err.message}）。请检查地址和网络。`);
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; device?: { id: string; kind: string; name: string }; message?: string };
  if (response.status !== 201 || !body.token || !body.device) throw new Fault(`配对失败：${body.message ?? response.status}`);
  if (body.device.kind !== 'kiosk') throw new Fault('这个配对码不是为自助机生成的，设备代理只能以自助机的身份配对。');
  io.out(`已配对为自助机 ${body.device.name}。`);
  return { server, token: body.token, deviceId: body.device.id };
}

/** What the technician needs to know, in plain Chinese; exit 0 only when everything is fine. */
async function check(state: AgentState, dir: string, io: AgentCliIo): Promise<number> {
  let fine = true;
  const { ports, viaUdev } = await listPorts(io.udevList, io.devDir);
  io.out(`本机串口${viaUdev ? '' : '（没有 udev，从 /dev 中找到）'}：${ports.length === 0 ? '没有找到串口' : ''}`);
  for (const p of ports) io.out(`  ${p.path}${p.detail ? `  ${p.detail}` : ''}`);

  const opened = async (kind: string, driver: { path: string; open(): Promise<void>; close(): Promise<void> }) => {
    try {
      await driver.open();
      return true;
    } catch (err) {
      const failure = describeOpenFailure(driver.path, err as Error);
      io.out(`${kind}：${failure.message}${failure.kind === 'busy' ? '（设备代理正在运行时，请先停止服务：sudo systemctl stop xinfang-agent）' : ''}`);
      fine = false;
      return false;
    }
  };
  if (!state.printer) io.out('打印机：本机没有配置打印机。');
  else {
    const { driver } = createPrinterDriver({ ...state.printer, codepage: 'gb18030' }, join(dir, 'printed'), io.createPort);
    if (await opened('打印机', driver)) {
      const text = PRINTER_CONDITION_TEXT[driver.condition];
      io.out(`打印机（${driver.path}）：${text.text}`);
      fine &&= text.verdict === 'ok';
      await driver.close();
    }
  }
  if (!state.reader) io.out('读卡器：本机没有配置读卡器。');
  else {
    const { driver } = createReaderDriver(state.reader, {}, io.createPort);
    if (await opened('读卡器', driver)) {
      const text = READER_CONDITION_TEXT[driver.condition];
      io.out(`读卡器（${driver.path}）：${text.text}`);
      fine &&= text.verdict === 'ok';
      await driver.close();
    }
  }
  try {
    const response = await io.fetch(new URL('/api/devices/me', state.server), { headers: { authorization: `Bearer ${state.token}` } });
    if (response.ok) {
      const { device } = (await response.json()) as { device: { name: string; printerId: string | null; readerId: string | null } };
      io.out(`大厅服务器（${state.server}）：已连接，本机为自助机 ${device.name}（打印机 ${device.printerId ?? '无'}，读卡器 ${device.readerId ?? '无'}）。`);
    } else {
      io.out(`大厅服务器（${state.server}）：拒绝了本机的令牌（${response.status}），可能已被注销，请重新配对。`);
      fine = false;
    }
  } catch (err) {
    io.out(`大厅服务器（${state.server}）：连不上（${(err as Error).message}），请检查网络和服务器地址。`);
    fine = false;
  }
  io.out(fine ? '检查完毕：一切正常。' : '检查完毕：有需要处理的问题（见上）。');
  return fine ? 0 : 1;
}

async function run(state: AgentState, dir: string, io: AgentCliIo): Promise<number> {
  const log = rotatingLog(join(dir, 'agent.log'));
  const agent = startAgent({
    server: state.server,
    token: state.token,
    dir,
    printer: state.printer ? { ...state.printer, codepage: 'gb18030' } : null,
    reader: state.reader ?? null,
    log,
    createPort: io.createPort,
  });
  log.info('设备代理已启动。', { server: state.server, printer: state.printer?.port?.path ?? (state.printer ? 'simulated' : null), reader: state.reader?.port?.path ?? (state.reader ? 'simulated' : null) });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  log.info('设备代理正在停止。');
  await agent.stop();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAgentCli(process.argv.slice(2), {
    createPort: realPort,
    udevList: () => SerialPort.list(),
    devDir: '/dev',
    fetch,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
