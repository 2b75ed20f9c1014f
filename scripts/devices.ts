// `npm run devices -- list | status --port PATH | test-print --port PATH | read-card --port PATH`
// checks real serial devices from the hall server's machine without starting the server;
// `place-card` puts a test card on a simulated reader of a running server. Output is plain
// Chinese for the technician; every fault ends with its own exit code (EXIT, devices/README.md).
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import type { CardIdentity } from '../common/contract/devices.ts';
import { parseIdNumber } from '../common/id-number.ts';
import { maskName } from '../common/registration.ts';
import { SAMPLE_CARD } from '../devices/id-reader/sample-card.ts';
import { PRINTER_CONDITION_TEXT, READER_CONDITION_TEXT, type ConditionText } from '../devices/condition-text.ts';
import { SerialIdCardReader, type ReaderCondition } from '../devices/id-reader/serial-reader.ts';
import { listPorts, type UdevList } from '../devices/port-list.ts';
import { SerialTicketPrinter } from '../devices/printer/serial-printer.ts';
import { SAMPLE_TICKET } from '../devices/printer/sample-ticket.ts';
import type { PrinterCondition } from '../devices/printer/status.ts';
import { layoutTicket, type ChineseCodepage, type PaperWidth } from '../devices/printer/ticket-layout.ts';
import { describeOpenFailure, type OpenFailure, type PortFactory } from '../devices/serial.ts';

/** Exit codes, one per kind of fault (the table in devices/README.md). */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  portMissing: 3,
  portPermission: 4,
  portBusy: 5,
  noAnswer: 6,
  deviceFault: 7,
} as const;

const OPEN_EXIT: Record<OpenFailure, number> = { missing: EXIT.portMissing, permission: EXIT.portPermission, busy: EXIT.portBusy, other: EXIT.failed };

/** The condition texts with the exit code of their verdict. */
const withExit = <C extends string>(texts: Record<C, ConditionText>) =>
  Object.fromEntries(Object.entries<ConditionText>(texts).map(([c, t]) => [c, { text: t.text, exit: EXIT[t.verdict] }])) as Record<C, { text: string; exit: number }>;

/** What the CLI talks to: real ports and the console, or mock ports and collected lines in tests. */
export interface DevicesIo {
  createPort: PortFactory;
  udevList: UdevList;
  devDir: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A fault to report to the technician with its exit code. */
class Fault extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const USAGE = [
  '用法：npm run devices -- 命令 [选项]',
  '  list                                   列出本机的串口',
  '  status --port 端口 [--baud 9600] [--margin 500]        查看打印机状态',
  '  test-print --port 端口 [--baud 9600] [--width 58|80] [--codepage gb18030|gbk] [--feed 4] [--margin 500]   打印一张测试票',
  '      --feed 切纸前走纸的行数（0–20，每行约 4 毫米）；--margin 状态应答在线路传输时间之外可多等的毫秒数（50–10000）',
  '  read-card --port 端口 [--baud 115200]   检查身份证读卡器并读一张卡（Ctrl+C 退出）',
  '  place-card [--server http://localhost:3000] [--reader R1] [--user admin] [--password 密码（或环境变量 HALL_ADMIN_PASSWORD）] [--name 姓名] [--id-number 身份证号]',
].join('\n');

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

type Values = ReturnType<typeof parseOptions>['values'];

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        // 9600 for printers, 115200 for ID card readers.
        baud: { type: 'string' },
        width: { type: 'string', default: '80' },
        codepage: { type: 'string', default: 'gb18030' },
        feed: { type: 'string' },
        margin: { type: 'string' },
        server: { type: 'string', default: 'http://localhost:3000' },
        reader: { type: 'string', default: 'R1' },
        user: { type: 'string', default: 'admin' },
        password: { type: 'string' },
        name: { type: 'string' },
        'id-number': { type: 'string' },
      },
    });
  } catch (err) {
    const option = /'(-[^']*)'/.exec((err as Error).message)?.[1];
    throw new Fault(option ? `选项 ${option} 不对（未知的选项，或缺少它的值）。\n${USAGE}` : `命令行不对。\n${USAGE}`, EXIT.usage);
  }
}

function portOf(values: Values): string {
  if (!values.port) throw new Fault('请用 --port 指定端口，例如 --port /dev/ttyUSB0（可用 list 命令查看现有端口）。', EXIT.usage);
  return values.port;
}

function baudOf(values: Values, fallback: number): number {
  if (values.baud === undefined) return fallback;
  const baud = Number(values.baud);
  if (!BAUD_RATES.includes(baud)) throw new Fault(`波特率 ${values.baud} 不对，可选：${BAUD_RATES.join('、')}。`, EXIT.usage);
  return baud;
}

function layoutOptions(values: Values): { paperWidth: PaperWidth; codepage: ChineseCodepage; feedLines?: number } {
  if (values.width !== '58' && values.width !== '80') throw new Fault(`纸宽 ${values.width} 不对，只有 58 和 80（毫米）两种。`, EXIT.usage);
  if (values.codepage !== 'gb18030' && values.codepage !== 'gbk') throw new Fault(`编码 ${values.codepage} 不对，可选 gb18030 或 gbk。`, EXIT.usage);
  const feedLines = values.feed === undefined ? undefined : Number(values.feed);
  if (feedLines !== undefined && !(Number.isInteger(feedLines) && feedLines >= 0 && feedLines <= 20)) throw new Fault(`走纸行数 ${values.feed} 不对，应为 0 到 20 的整数。`, EXIT.usage);
  return { paperWidth: Number(values.width) as PaperWidth, codepage: values.codepage, feedLines };
}

/** How long a status reply may take beyond the wire time of the bytes in flight (the config's `replyMarginMs`). */
function marginOf(values: Values): number | undefined {
  if (values.margin === undefined) return undefined;
  const margin = Number(values.margin);
  if (!(Number.isInteger(margin) && margin >= 50 && margin <= 10_000)) throw new Fault(`--margin ${values.margin} 不对，应为 50 到 10000 的毫秒数。`, EXIT.usage);
  return margin;
}

/** Opens a device, turning a port that will not open into a plain reason and its exit code. */
async function opened<T extends { open(): Promise<void> }>(device: T, path: string): Promise<T> {
  try {
    await device.open();
  } catch (err) {
    const failure = describeOpenFailure(path, err as Error);
    throw new Fault(failure.message, OPEN_EXIT[failure.kind]);
  }
  return device;
}

const PRINTER_CONDITION = withExit(PRINTER_CONDITION_TEXT);

/** 110101196005200035 → 110**************5: personal data never appears in full here. */
const maskIdNumber = (id: string) => (id.length > 4 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 4)}${id.slice(-1)}` : '*'.repeat(id.length));
const masked = (card: CardIdentity) => `姓名 ${maskName(card.name)}，身份证号 ${maskIdNumber(card.idNumber)}`;

const READER_CONDITION = withExit(READER_CONDITION_TEXT);

/** A printer's condition in words; a fault becomes the exit code. */
async function printerStatus(values: Values, io: DevicesIo): Promise<number> {
  const path = portOf(values);
  const printer = await opened(new SerialTicketPrinter({ path, baudRate: baudOf(values, 9600) }, io.createPort, marginOf(values)), path);
  try {
    const condition = PRINTER_CONDITION[printer.condition];
    io.out(`${path}：${condition.text}`);
    return condition.exit;
  } finally {
    await printer.close();
  }
}

/** Prints a test ticket when the printer can print; the port is closed whatever happens. */
async function testPrint(values: Values, io: DevicesIo): Promise<number> {
  const path = portOf(values);
  const layout = layoutOptions(values);
  const printer = await opened(new SerialTicketPrinter({ path, baudRate: baudOf(values, 9600) }, io.createPort, marginOf(values)), path);
  try {
    const before = PRINTER_CONDITION[printer.condition];
    if (before.exit !== EXIT.ok) {
      io.err(`${path}：没有打印。${before.text}`);
      return before.exit;
    }
    const bytes = layoutTicket(
      {
        ...SAMPLE_TICKET,
        hallName: '打印测试',
        number: 'A000',
        issuedAt: new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
        reminder: '这是一张测试票，请核对中文、号码、二维码和切纸。',
        qrData: 'TEST-PRINT',
      },
      layout,
    );
    try {
      await printer.print(bytes);
    } catch (err) {
      io.err(`${path}：测试票没有打印完整（${(err as Error).message}）。${PRINTER_CONDITION[printer.condition].text}`);
      return PRINTER_CONDITION[printer.condition].exit || EXIT.noAnswer;
    }
    const after = PRINTER_CONDITION[printer.condition];
    io.out(`${path}：已发送测试票（${bytes.length} 字节，${layout.paperWidth} 毫米纸，${layout.codepage}${layout.feedLines === undefined ? '' : `，切纸前走纸 ${layout.feedLines} 行`}），请核对打印效果。${after.text}`);
    return after.exit;
  } finally {
    await printer.close();
  }
}

/** Opens a real reader, reports its SAM status, then waits for one card and shows it masked. */
async function readCard(values: Values, io: DevicesIo): Promise<number> {
  const path = portOf(values);
  const reader = new SerialIdCardReader({ path, baudRate: baudOf(values, 115200) }, io.createPort);
  let lastError = '';
  reader.on('readError', (err) => {
    if (err.message !== lastError) io.out(`读卡失败（${err.message}），请取下身份证后重新放置。`);
    lastError = err.message;
  });
  await opened(reader, path);
  try {
    const condition = READER_CONDITION[reader.condition];
    io.out(`${path}：${condition.text}`);
    if (condition.exit !== EXIT.ok) return condition.exit;
    io.out('请将身份证放在读卡器上（Ctrl+C 退出）……');
    for (;;) {
      const card = await reader.poll();
      if (card) {
        io.out(`已读到身份证：${masked(card)}`);
        return EXIT.ok;
      }
      if (reader.condition !== 'ready') {
        io.err(`${path}：${READER_CONDITION[reader.condition].text}`);
        return READER_CONDITION[reader.condition].exit;
      }
      await sleep(500);
    }
  } finally {
    await reader.close();
  }
}

/** Serial ports from udev, or from `/dev` where udev is missing. */
async function list(io: DevicesIo): Promise<number> {
  const { ports, viaUdev } = await listPorts(io.udevList, io.devDir);
  if (!viaUdev) io.out('（本机没有 udev，以下端口是从 /dev 中找到的，不含厂商信息。）');
  if (ports.length === 0) io.out('没有找到串口。请检查设备是否插好。');
  for (const p of ports) io.out(p.detail ? `${p.path}\t${p.detail}` : p.path);
  return EXIT.ok;
}

/** The built-in test card, or one with the given name and ID number (birth date and gender derived). */
function testCard(values: Values): CardIdentity {
  const idNumber = (values['id-number'] ?? SAMPLE_CARD.idNumber).trim().toUpperCase();
  const derived = parseIdNumber(idNumber);
  if (!derived) throw new Fault('--id-number 不是有效的18位身份证号码（校验位或出生日期不对）。', EXIT.usage);
  return {
    ...SAMPLE_CARD,
    name: values.name?.trim() || SAMPLE_CARD.name,
    idNumber,
    birthDate: derived.birthDate,
    genderCode: derived.gender === 'male' ? '1' : '2',
  };
}

async function call(values: Values, path: string, init: { body?: unknown; cookie?: string } = {}): Promise<Response> {
  const server = values.server.replace(/\/+$/, '');
  try {
    return await fetch(`${server}${path}`, {
      method: 'POST',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.cookie ? { cookie: init.cookie } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
    throw new Error(`无法连接服务器 ${server}（${cause}）`);
  }
}

async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
  return body?.message ? `${body.message}（${body.error}，HTTP ${response.status}）` : `HTTP ${response.status}`;
}

/** Signs in as an admin and places a test card on a simulated reader of a running server. */
async function placeCard(values: Values, io: DevicesIo): Promise<number> {
  const password = values.password ?? process.env.HALL_ADMIN_PASSWORD;
  if (!password) throw new Fault('需要管理员密码：--password …，或设置环境变量 HALL_ADMIN_PASSWORD。', EXIT.usage);
  const card = testCard(values);
  const login = await call(values, '/api/auth/login', { body: { username: values.user, password } });
  if (login.status !== 200) throw new Error(`登录失败：${await refusal(login)}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  try {
    const placed = await call(values, `/api/devices/readers/${encodeURIComponent(values.reader)}/card`, { body: { card }, cookie });
    if (placed.status !== 204) throw new Error(`放置测试身份证失败：${await refusal(placed)}`);
    io.out(`已在模拟读卡器 ${values.reader} 上放置测试身份证：${masked(card)}`);
    return EXIT.ok;
  } finally {
    await call(values, '/api/auth/logout', { cookie }).catch(() => undefined);
  }
}

/** Runs one command; resolves with the exit code (never rejects). */
export async function runDevices(args: string[], io: DevicesIo): Promise<number> {
  try {
    const { positionals, values } = parseOptions(args);
    switch (positionals[0]) {
      case 'list':
        return await list(io);
      case 'status':
        return await printerStatus(values, io);
      case 'test-print':
        return await testPrint(values, io);
      case 'read-card':
        return await readCard(values, io);
      case 'place-card':
        return await placeCard(values, io);
      case undefined:
      case 'help':
        io.out(USAGE);
        return EXIT.ok;
      default:
        throw new Fault(`没有 ${positionals[0]} 这个命令。\n${USAGE}`, EXIT.usage);
    }
  } catch (err) {
    io.err((err as Error).message);
    return err instanceof Fault ? err.exitCode : EXIT.failed;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: DevicesIo = {
    createPort: (settings) => new SerialPort(settings),
    udevList: () => SerialPort.list(),
    devDir: '/dev',
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
  process.exitCode = await runDevices(process.argv.slice(2), io);
}
