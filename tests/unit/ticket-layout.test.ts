import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from '../../devices/printer/sample-ticket.ts';
import { layoutTicket } from '../../devices/printer/ticket-layout.ts';

const TICKET = SAMPLE_TICKET;

const hanzi = (text: string, codepage = 'gb18030') =>
  Buffer.concat([Buffer.from([0x1c, 0x26]), iconv.encode(text, codepage), Buffer.from([0x1c, 0x2e, 0x0a])]);

const GOLDEN = new URL('./golden/ticket-80mm-gb18030.hex', import.meta.url);

describe('ticket layout (ESC/POS)', () => {
  const bytes = layoutTicket(TICKET, { paperWidth: 80, codepage: 'gb18030' });

  it('matches the golden bytes for fixed inputs', () => {
    // Regenerate deliberately with UPDATE_GOLDEN=1 after a reviewed layout change.
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${bytes.toString('hex')}\n`);
    expect(bytes.toString('hex')).toBe(readFileSync(GOLDEN, 'utf8').trim());
  });

  it('prints Chinese as GB18030 text in Hanzi mode, never as an image', () => {
    for (const text of [TICKET.hallName, TICKET.serviceName, TICKET.waitingPhrase, '取号时间 2026-11-25 09:03', '您前面还有 3 人等候']) {
      expect(bytes.indexOf(hanzi(text)), text).toBeGreaterThan(-1);
    }
    expect(hanzi('市人民').subarray(2, 8).toString('hex')).toBe('cad0c8cbc3f1'); // 市 人 民 in GB18030
    expect(bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30]))).toBe(-1); // no raster image command
  });

  it('prints the number large and bold, a QR code of the query code, and a partial cut', () => {
    const number = Buffer.concat([Buffer.from([0x1b, 0x45, 0x01, 0x1d, 0x21, 0x33]), Buffer.from('A023\n')]);
    expect(bytes.indexOf(number)).toBeGreaterThan(-1);
    const qrStore = Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, 3 + TICKET.qrData.length, 0x00, 0x31, 0x50, 0x30]), Buffer.from(TICKET.qrData)]);
    expect(bytes.indexOf(qrStore)).toBeGreaterThan(-1);
    expect(bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]))).toBeGreaterThan(bytes.indexOf(qrStore));
    expect(bytes.subarray(-5).toString('hex')).toBe('1d56011b40'); // partial cut, then reset
    expect(bytes.subarray(0, 2).toString('hex')).toBe('1b40');
  });

  it('feeds 4 lines before the cut by default (not 12, about 45 mm of blank paper), or as configured', () => {
    expect(bytes.subarray(-8).toString('hex')).toBe('1b64041d56011b40'); // ESC d 4, partial cut, reset
    expect(bytes.indexOf(Buffer.from([0x1b, 0x64]))).toBe(bytes.length - 8); // the only feed command
    const six = layoutTicket(TICKET, { paperWidth: 80, codepage: 'gb18030', feedLines: 6 });
    expect(six.subarray(-8).toString('hex')).toBe('1b64061d56011b40');
    const none = layoutTicket(TICKET, { paperWidth: 80, codepage: 'gb18030', feedLines: 0 });
    expect(none.indexOf(Buffer.from([0x1b, 0x64]))).toBe(-1);
    expect(none.subarray(-5).toString('hex')).toBe('1d56011b40');
  });

  it('marks green-channel tickets and fits well under 1 KB', () => {
    const green = layoutTicket({ ...TICKET, green: true, number: 'L001' }, { paperWidth: 58, codepage: 'gbk' });
    expect(green.indexOf(hanzi(' 绿色通道 优先办理 ', 'gbk'))).toBeGreaterThan(-1);
    expect(bytes.length).toBeLessThan(1024);
    expect(green.length).toBeLessThan(1024);
    // At 9600 baud (about 960 bytes/s) the ticket is sent in well under a second.
    expect(bytes.length / 960).toBeLessThan(1);
  });
});
