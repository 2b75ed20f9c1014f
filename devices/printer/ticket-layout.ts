// The queue ticket as ESC/POS bytes, laid out by a pure function. Layout commands come from
// node-thermal-printer; Chinese is sent as raw GB18030 (or GBK) bytes inside Hanzi mode so the
// printer uses its resident Chinese font (node-thermal-printer's own Chinese path encodes one
// character at a time and may switch to EUC-JP).
import iconv from 'iconv-lite';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';

export type ChineseCodepage = 'gb18030' | 'gbk';
export type PaperWidth = 58 | 80;

export interface TicketPrint {
  hallName: string;
  number: string;
  serviceName: string;
  green: boolean;
  /** Issued at the check-in of a booking: printed as 预约. */
  booked?: boolean;
  /** Already formatted in the hall's time zone, e.g. `2026-11-25 09:03`. */
  issuedAt: string;
  ahead: number;
  /** The polite waiting phrase. */
  waitingPhrase: string;
  /** Short one-time-notification reminder for the service. */
  reminder: string | null;
  /** Encoded in the QR code: the ticket's query code (never an ID number or name). */
  qrData: string;
}

export interface LayoutOptions {
  paperWidth: PaperWidth;
  codepage: ChineseCodepage;
  /** Lines fed after the last text before the cut (each about 4 mm); default 4. */
  feedLines?: number;
}

export const DEFAULT_FEED_LINES = 4;

const FS_HANZI_ON = Buffer.from([0x1c, 0x26]);
const FS_HANZI_OFF = Buffer.from([0x1c, 0x2e]);
const LF = Buffer.from([0x0a]);
const ESC_INIT = Buffer.from([0x1b, 0x40]);

/** Characters per line in font A: 32 on 58 mm paper, 48 on 80 mm. */
const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

export function layoutTicket(ticket: TicketPrint, options: LayoutOptions): Buffer {
  // Only the buffer is used: an empty interface makes node-thermal-printer open no connection.
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: COLUMNS[options.paperWidth] });
  const chinese = (text: string) =>
    printer.add(Buffer.concat([FS_HANZI_ON, iconv.encode(text, options.codepage), FS_HANZI_OFF, LF]));

  printer.add(ESC_INIT);
  printer.alignCenter();
  printer.bold(true);
  printer.setTextSize(1, 1);
  chinese(ticket.hallName);
  printer.setTextSize(0, 0);
  printer.bold(false);
  printer.drawLine();
  chinese('您的号码');
  printer.bold(true);
  printer.setTextSize(3, 3);
  printer.println(ticket.number);
  printer.setTextSize(1, 1);
  chinese(ticket.serviceName);
  if (ticket.green) {
    printer.invert(true);
    chinese(' 绿色通道 优先办理 ');
    printer.invert(false);
  }
  if (ticket.booked) chinese('（预约）');
  printer.setTextSize(0, 0);
  printer.bold(false);
  chinese(`取号时间 ${ticket.issuedAt}`);
  chinese(`您前面还有 ${ticket.ahead} 人等候`);
  chinese(ticket.waitingPhrase);
  if (ticket.reminder) {
    printer.drawLine();
    chinese(ticket.reminder);
  }
  printer.drawLine();
  printer.printQR(ticket.qrData, { cellSize: options.paperWidth === 80 ? 6 : 5, correction: 'M', model: 2 });
  chinese('扫码可查询办理进度、评价服务');
  // ESC d n feeds n lines in one command, enough to bring the last line past the cutter.
  const feed = Math.max(0, Math.min(255, Math.round(options.feedLines ?? DEFAULT_FEED_LINES)));
  if (feed > 0) printer.add(Buffer.from([0x1b, 0x64, feed]));
  printer.partialCut({ verticalTabAmount: 0 });
  return printer.getBuffer();
}
