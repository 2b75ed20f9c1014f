// `npm run devices`: printer commands against a fake ESC/POS printer on serialport's mock binding
// (plain Chinese, an exit code per fault, the port always closed), `list` without udev, and
// `place-card` against a running hall server (signs in as the admin, places the test card on the
// simulated reader, and shows the personal data only masked).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../common/id-number.ts';
import { SAMPLE_CARD } from '../../devices/id-reader/sample-card.ts';
import type { UdevList } from '../../devices/port-list.ts';
import { describeOpenFailure, type Port, type PortFactory } from '../../devices/serial.ts';
import { EXIT, runDevices } from '../../scripts/devices.ts';
import { FakeEscPosPrinter } from '../support/fake-escpos-printer.ts';
import { ADMIN_PASSWORD, startHall, type Hall } from '../support/hall.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let hall: Hall | undefined;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await hall?.close();
  hall = undefined;
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Runs the CLI in this process with the given port factory; keeps every port it opened. */
async function cli(args: string[], createPort: PortFactory, udevList: UdevList = () => Promise.reject(new Error('udevadm: not found')), devDir = '/nonexistent') {
  const ports: Port[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDevices(args, {
    createPort: (settings) => {
      const port = createPort(settings);
      ports.push(port);
      return port;
    },
    udevList,
    devDir,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), ports };
}

/** A printer at a mock port, with every status byte as given (0x12 = all fine). */
function fakePrinter(status: Partial<FakeEscPosPrinter['status']> = {}) {
  const printer = new FakeEscPosPrinter();
  Object.assign(printer.status, status);
  return printer;
}

describe('npm run devices -- status and test-print', () => {
  it('says in Chinese what is wrong with the printer and exits with the fault\'s code', async () => {
    const ready = fakePrinter();
    expect(await cli(['status', '--port', ready.path], ready.factory)).toMatchObject({ code: EXIT.ok, out: `${ready.path}：打印机正常，可以打印。` });

    const paperOut = fakePrinter({ 4: 0x12 | 0x60 });
    const out = await cli(['status', '--port', paperOut.path], paperOut.factory);
    expect(out).toMatchObject({ code: EXIT.deviceFault, out: expect.stringContaining('缺纸') });
    expect(out.ports.every((p) => !p.isOpen)).toBe(true);

    const silent = fakePrinter();
    silent.silent = true;
    expect(await cli(['status', '--port', silent.path], silent.factory)).toMatchObject({ code: EXIT.noAnswer, out: expect.stringContaining('没有应答') });

    const offline = fakePrinter({ 1: 0x12 | 0x08 });
    expect((await cli(['status', '--port', offline.path], offline.factory)).code).toBe(EXIT.noAnswer);
  });

  it('prints a test ticket only when the printer is ready, and always closes the port', async () => {
    const coverOpen = fakePrinter({ 2: 0x12 | 0x04 });
    const refused = await cli(['test-print', '--port', coverOpen.path, '--width', '58'], coverOpen.factory);
    expect(refused).toMatchObject({ code: EXIT.deviceFault, err: expect.stringContaining('盖子没有合上') });
    expect(coverOpen.printed).toEqual([]);
    expect(refused.ports).toHaveLength(1);
    expect(refused.ports[0]!.isOpen).toBe(false); // the CLI used to hang here with the port open

    const ready = fakePrinter();
    const printed = await cli(['test-print', '--port', ready.path, '--width', '58', '--codepage', 'gbk'], ready.factory);
    expect(printed).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('58 毫米') });
    expect(ready.printed.length).toBeGreaterThan(0);
    expect(printed.ports[0]!.isOpen).toBe(false);

    const fed = fakePrinter();
    const withFeed = await cli(['test-print', '--port', fed.path, '--feed', '2', '--margin', '1500'], fed.factory);
    expect(withFeed).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('切纸前走纸 2 行') });
    const ticket = Buffer.concat(fed.printed);
    expect(ticket.includes(Buffer.from([0x1b, 0x64, 2, 0x1d, 0x56]))).toBe(true); // ESC d 2, then the cut
  });

  it('refuses wrong options before touching a port', async () => {
    const printer = fakePrinter();
    for (const args of [
      ['test-print', '--port', printer.path, '--width', '57'],
      ['test-print', '--port', printer.path, '--codepage', 'big5'],
      ['test-print', '--port', printer.path, '--feed', '21'],
      ['status', '--port', printer.path, '--margin', '10'],
      ['status', '--port', printer.path, '--baud', '9601'],
      ['status'],
      ['status', '--port', printer.path, '--colour'],
      ['print-everything'],
    ]) {
      const result = await cli(args, printer.factory);
      expect(result.code, args.join(' ')).toBe(EXIT.usage);
      expect(result.err).toMatch(/[\u4e00-\u9fff]/);
      expect(result.ports).toEqual([]);
    }
    expect((await cli(['test-print', '--port', printer.path, '--width', '57'], printer.factory)).err).toContain('只有 58 和 80');
  });

  it('explains a port that does not exist or that another program holds', async () => {
    const missing = await cli(['status', '--port', '/dev/ttyHALL-NONE'], (settings) => new SerialPortMock(settings));
    expect(missing).toMatchObject({ code: EXIT.portMissing, err: expect.stringContaining('找不到端口 /dev/ttyHALL-NONE') });

    const printer = fakePrinter();
    const server = printer.factory({ path: printer.path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => server.open((e) => (e ? reject(e) : resolve())));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const busy = await cli(['test-print', '--port', printer.path], printer.factory);
    expect(busy.code).toBe(EXIT.portBusy);
    expect(busy.err).toContain('某个程序（可能是正在运行的大厅服务）正在使用该端口');
  });

  it('reads the real binding\'s open errors in plain words', () => {
    expect(describeOpenFailure('/dev/ttyUSB0', new Error('Error: No such file or directory, cannot open /dev/ttyUSB0')).kind).toBe('missing');
    const denied = describeOpenFailure('/dev/ttyUSB0', new Error('Error: Permission denied, cannot open /dev/ttyUSB0'));
    expect(denied).toMatchObject({ kind: 'permission', message: expect.stringContaining('dialout') });
    expect(describeOpenFailure('/dev/ttyUSB0', new Error('Error Resource temporarily unavailable Cannot lock port')).kind).toBe('busy');
  });
});

describe('npm run devices -- list', () => {
  it('lists ports from /dev when udev is missing', async () => {
    const dev = await mkdtemp(join(tmpdir(), 'hall-dev-'));
    cleanups.push(() => rm(dev, { recursive: true, force: true }));
    for (const name of ['ttyS0', 'ttyS1', 'ttyUSB0', 'ttyACM0', 'tty0', 'null']) await writeFile(join(dev, name), '');
    await mkdir(join(dev, 'serial', 'by-id'), { recursive: true });
    await symlink('../../ttyUSB0', join(dev, 'serial', 'by-id', 'usb-Printer_58-if00'));
    const listed = await cli(['list'], () => {
      throw new Error('no port is opened by list');
    }, undefined, dev);
    expect(listed.code).toBe(EXIT.ok);
    expect(listed.out).toContain('没有 udev');
    expect(listed.out).toContain(`${join(dev, 'ttyUSB0')}\t${join(dev, 'serial', 'by-id', 'usb-Printer_58-if00')}`);
    expect(listed.out).toContain(join(dev, 'ttyACM0'));
    expect(listed.out).toContain(join(dev, 'ttyS1'));
    expect(listed.out).not.toContain(join(dev, 'tty0'));

    const viaUdev = await cli(['list'], () => {
      throw new Error('unused');
    }, () => Promise.resolve([{ path: '/dev/ttyUSB3', manufacturer: 'Prolific', vendorId: '067b', productId: '2303' }]));
    expect(viaUdev.out).toBe('/dev/ttyUSB3\tProlific 067b:2303');
  });
});

describe('npm run devices as a program', () => {
  it('exits with the documented code and a Chinese message', async () => {
    const missing = await devices(['status', '--port', '/dev/ttyHALL-NONE']);
    expect(missing.code).toBe(EXIT.portMissing);
    expect(missing.err).toContain('找不到端口');
    const width = await devices(['test-print', '--port', '/dev/ttyHALL-NONE', '--width', '57']);
    expect(width.code).toBe(EXIT.usage);
  });
});

function devices(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const { HALL_ADMIN_PASSWORD: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/devices.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

describe('npm run devices -- place-card', () => {
  it('places the built-in test card on a simulated reader, showing it only masked', async () => {
    hall = await startHall();
    const result = await devices(['place-card', '--server', hall!.url], { HALL_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(hall!.app.hall.readers.simulated('R1')!.card).toEqual(SAMPLE_CARD);
    expect(result.out).toContain('王*');
    expect(result.out).toContain(`110${'*'.repeat(14)}${SAMPLE_CARD.idNumber.slice(-1)}`);
    expect(result.out).not.toContain(SAMPLE_CARD.name);
    expect(result.out).not.toContain(SAMPLE_CARD.idNumber);
  });

  it('places a given identity (birth date and gender from the ID number) and refuses a wrong password', async () => {
    hall = await startHall({ readers: [{ id: 'R2', name: '2号读卡器' }] });
    const idNumber = `44030519851231002${idCheckCharacter('44030519851231002')}`;
    const placed = await devices(['place-card', '--server', hall!.url, '--reader', 'R2', '--password', ADMIN_PASSWORD, '--name', '张三丰', '--id-number', idNumber]);
    expect(placed).toMatchObject({ code: 0, err: '' });
    expect(placed.out).toContain('张**');
    expect(hall!.app.hall.readers.simulated('R2')!.card).toEqual({ ...SAMPLE_CARD, name: '张三丰', idNumber, birthDate: '1985-12-31', genderCode: '2' });

    const refused = await devices(['place-card', '--server', hall!.url, '--reader', 'R2', '--password', 'not-the-password', '--name', '李四']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('登录失败');
    expect(hall!.app.hall.readers.simulated('R2')!.card!.name).toBe('张三丰');
  });
});
