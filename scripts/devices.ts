// `npm run devices -- list | status --port PATH | test-print --port PATH | read-card --port PATH`
// checks real serial devices from the hall server's machine without starting the server;
// `place-card` puts a test card on a simulated reader of a running server.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import type { CardIdentity } from '../common/domain.ts';
import { parseIdNumber } from '../common/id-number.ts';
import { maskName } from '../common/registration.ts';
import { SAMPLE_CARD } from '../devices/id-reader/sample-card.ts';
import { SerialIdCardReader, type ReaderCondition } from '../devices/id-reader/serial-reader.ts';
import { SerialTicketPrinter } from '../devices/printer/serial-printer.ts';
import { SAMPLE_TICKET } from '../devices/printer/sample-ticket.ts';
import { layoutTicket, type ChineseCodepage, type PaperWidth } from '../devices/printer/ticket-layout.ts';
import type { PortFactory } from '../devices/serial.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    // 9600 for printers, 115200 for ID card readers.
    baud: { type: 'string' },
    width: { type: 'string', default: '80' },
    codepage: { type: 'string', default: 'gb18030' },
    server: { type: 'string', default: 'http://localhost:3000' },
    reader: { type: 'string', default: 'R1' },
    user: { type: 'string', default: 'admin' },
    password: { type: 'string' },
    name: { type: 'string' },
    'id-number': { type: 'string' },
  },
});

const realPort: PortFactory = (settings) => new SerialPort(settings);

async function openPrinter(): Promise<SerialTicketPrinter> {
  if (!values.port) throw new Error('--port is required, e.g. --port /dev/ttyUSB0');
  const printer = new SerialTicketPrinter({ path: values.port, baudRate: Number(values.baud ?? 9600) }, realPort);
  await printer.open();
  return printer;
}

/** 110101196005200035 → 110**************5: personal data never appears in full here. */
const maskIdNumber = (id: string) => (id.length > 4 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 4)}${id.slice(-1)}` : '*'.repeat(id.length));
const masked = (card: CardIdentity) => `姓名 ${maskName(card.name)},身份证号 ${maskIdNumber(card.idNumber)}`;

const READER_CONDITION: Record<ReaderCondition, string> = {
  ready: 'SAM 模块正常,读卡器就绪',
  sam_error: 'SAM 模块异常,读卡器自检未通过',
  offline: '读卡器无应答,请检查连线、电源和波特率(通常为 115200)',
  disconnected: '端口已断开',
};

/** Opens a real reader, reports its SAM status, then waits for one card and shows it masked. */
async function readCard(): Promise<void> {
  if (!values.port) throw new Error('--port is required, e.g. --port /dev/ttyUSB1');
  const reader = new SerialIdCardReader({ path: values.port, baudRate: Number(values.baud ?? 115200) }, realPort);
  let lastError = '';
  reader.on('readError', (err) => {
    if (err.message !== lastError) console.log(`读卡失败(${err.message}),请取下身份证后重新放置。`);
    lastError = err.message;
  });
  await reader.open();
  try {
    console.log(`${values.port}: ${READER_CONDITION[reader.condition]}`);
    if (reader.condition !== 'ready') {
      process.exitCode = 1;
      return;
    }
    console.log('请将身份证放在读卡器上(Ctrl+C 退出)……');
    for (;;) {
      const card = await reader.poll();
      if (card) {
        console.log(`已读到身份证:${masked(card)}`);
        return;
      }
      if (reader.condition !== 'ready') {
        console.log(`${values.port}: ${READER_CONDITION[reader.condition]}`);
        process.exitCode = 1;
        return;
      }
      await sleep(500);
    }
  } finally {
    await reader.close();
  }
}

/** The built-in test card, or one with the given name and ID number (birth date and gender derived). */
function testCard(): CardIdentity {
  const idNumber = (values['id-number'] ?? SAMPLE_CARD.idNumber).trim().toUpperCase();
  const derived = parseIdNumber(idNumber);
  if (!derived) throw new Error('--id-number 不是有效的18位身份证号码(校验位或出生日期不对)');
  return {
    ...SAMPLE_CARD,
    name: values.name?.trim() || SAMPLE_CARD.name,
    idNumber,
    birthDate: derived.birthDate,
    genderCode: derived.gender === 'male' ? '1' : '2',
  };
}

async function call(path: string, init: { body?: unknown; cookie?: string } = {}): Promise<Response> {
  const server = values.server.replace(/\/+$/, '');
  try {
    return await fetch(`${server}${path}`, {
      method: 'POST',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.cookie ? { cookie: init.cookie } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
    throw new Error(`无法连接服务器 ${server}(${cause})`);
  }
}

async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
  return body?.message ? `${body.message}(${body.error},HTTP ${response.status})` : `HTTP ${response.status}`;
}

/** Signs in as an admin and places a test card on a simulated reader of a running server. */
async function placeCard(): Promise<void> {
  const password = values.password ?? process.env.HALL_ADMIN_PASSWORD;
  if (!password) throw new Error('需要管理员密码:--password …,或设置环境变量 HALL_ADMIN_PASSWORD');
  const card = testCard();
  const login = await call('/api/auth/login', { body: { username: values.user, password } });
  if (login.status !== 200) throw new Error(`登录失败:${await refusal(login)}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  try {
    const placed = await call(`/api/devices/readers/${encodeURIComponent(values.reader)}/card`, { body: { card }, cookie });
    if (placed.status !== 204) throw new Error(`放置测试身份证失败:${await refusal(placed)}`);
    console.log(`已在模拟读卡器 ${values.reader} 上放置测试身份证:${masked(card)}`);
  } finally {
    await call('/api/auth/logout', { cookie }).catch(() => undefined);
  }
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'list': {
      const ports = await SerialPort.list().catch((err: Error) => {
        throw new Error(`cannot list serial ports (${err.message}); is udev available?`);
      });
      if (ports.length === 0) console.log('No serial ports found.');
      for (const p of ports) console.log(`${p.path}\t${p.manufacturer ?? ''}\t${p.vendorId ?? ''}:${p.productId ?? ''}`);
      return;
    }
    case 'status': {
      const printer = await openPrinter();
      console.log(`${values.port}: ${printer.condition}`);
      await printer.close();
      return;
    }
    case 'test-print': {
      const printer = await openPrinter();
      const bytes = layoutTicket(
        {
          ...SAMPLE_TICKET,
          hallName: '打印测试',
          number: 'A000',
          issuedAt: new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
          reminder: '这是一张测试票,请核对中文、号码、二维码和切纸。',
          qrData: 'TEST-PRINT',
        },
        { paperWidth: Number(values.width) as PaperWidth, codepage: values.codepage as ChineseCodepage },
      );
      await printer.print(bytes);
      console.log(`${values.port}: printed ${bytes.length} bytes; printer is ${printer.condition}`);
      await printer.close();
      return;
    }
    case 'read-card':
      return readCard();
    case 'place-card':
      return placeCard();
    default:
      console.log(
        [
          'usage: npm run devices -- list',
          '  | status --port PATH [--baud 9600]',
          '  | test-print --port PATH [--baud 9600] [--width 58|80] [--codepage gb18030|gbk]',
          '  | read-card --port PATH [--baud 115200]',
          '  | place-card [--server http://localhost:3000] [--reader R1] [--user admin] [--password PASSWORD (or env HALL_ADMIN_PASSWORD)] [--name NAME] [--id-number ID]',
        ].join('\n'),
      );
      process.exitCode = command ? 2 : 0;
  }
}

main(positionals[0]).catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
