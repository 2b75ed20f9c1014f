// `npm run devices -- list | status --port PATH | test-print --port PATH` — checks real serial
// devices from the hall server's machine without starting the server.
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import { SerialTicketPrinter } from '../devices/printer/serial-printer.ts';
import { SAMPLE_TICKET } from '../devices/printer/sample-ticket.ts';
import { layoutTicket, type ChineseCodepage, type PaperWidth } from '../devices/printer/ticket-layout.ts';
import type { PortFactory } from '../devices/serial.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    baud: { type: 'string', default: '9600' },
    width: { type: 'string', default: '80' },
    codepage: { type: 'string', default: 'gb18030' },
  },
});

const realPort: PortFactory = (settings) => new SerialPort(settings);

async function openPrinter(): Promise<SerialTicketPrinter> {
  if (!values.port) throw new Error('--port is required, e.g. --port /dev/ttyUSB0');
  const printer = new SerialTicketPrinter({ path: values.port, baudRate: Number(values.baud) }, realPort);
  await printer.open();
  return printer;
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
    default:
      console.log('usage: npm run devices -- list | status --port PATH [--baud 9600] | test-print --port PATH [--baud 9600] [--width 58|80] [--codepage gb18030|gbk]');
      process.exitCode = command ? 2 : 0;
  }
}

main(positionals[0]).catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
