// The 一次性告知单 (one-time notification slip) as ESC/POS bytes, laid out by a pure function like
// the ticket (ticket-layout.ts): node-thermal-printer for the layout commands, Chinese sent as raw
// GB18030 (or GBK) inside Hanzi mode so the printer uses its resident font. Long items wrap on
// the printer. It names the ticket's number and the matter's category, never the person.
import iconv from 'iconv-lite';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { OneTimeNotice } from '../../common/contract/notification.ts';
import { NOTICE_ITEMS } from '../../common/notification.ts';
import { DEFAULT_FEED_LINES, type LayoutOptions } from './ticket-layout.ts';

export interface NoticePrint {
  hallName: string;
  /** The ticket it goes with, e.g. `A005`. */
  number: string;
  serviceName: string;
  /** 内容分类 of the matter. */
  category: string;
  /** Already formatted in the hall's time zone, e.g. `2026-11-25 09:03`. */
  printedAt: string;
  notice: OneTimeNotice;
}

const HANZI = { on: Buffer.from([0x1c, 0x26]), off: Buffer.from([0x1c, 0x2e]) };
const NEWLINE = Buffer.from([0x0a]);

export function layoutNotice(slip: NoticePrint, options: LayoutOptions): Buffer {
  // Only the buffer is used: an empty interface opens no connection.
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: options.paperWidth === 58 ? 32 : 48 });
  const say = (text: string) => printer.add(Buffer.concat([HANZI.on, iconv.encode(text, options.codepage), HANZI.off, NEWLINE]));

  printer.add(Buffer.from([0x1b, 0x40]));
  printer.alignCenter();
  printer.bold(true);
  say(slip.hallName);
  printer.setTextSize(1, 1);
  say('一次性告知单');
  printer.setTextSize(0, 0);
  printer.bold(false);
  say(`号码 ${slip.number}　${slip.serviceName}`);
  say(`内容分类：${slip.category}`);
  printer.drawLine();
  printer.alignLeft();
  NOTICE_ITEMS.forEach(({ key, title }, i) => {
    printer.bold(true);
    say(`${'一二三四五'[i]}、${title}`);
    printer.bold(false);
    if (key === 'materials') slip.notice.materials.forEach((item, n) => say(`${n + 1}. ${item}`));
    else say(slip.notice[key]);
  });
  printer.drawLine();
  printer.alignCenter();
  say('请妥善保管本告知单。您还有什么不清楚的，请随时询问工作人员。');
  say(`打印时间 ${slip.printedAt}`);
  const feed = Math.max(0, Math.min(255, Math.round(options.feedLines ?? DEFAULT_FEED_LINES)));
  if (feed > 0) printer.add(Buffer.from([0x1b, 0x64, feed]));
  printer.partialCut({ verticalTabAmount: 0 });
  return printer.getBuffer();
}
