// The ticket's QR: the bare code, or the phone page's URL with the code; the kiosk's scanner reads both.
import { describe, expect, it } from 'vitest';
import { queryCodeFrom, ticketQrData } from '../../common/query-code.ts';

describe("the ticket's QR", () => {
  it('holds the bare code without a public base, the phone page URL with one', () => {
    expect(ticketQrData('Q7K2M9X4AB', null)).toBe('Q7K2M9X4AB');
    expect(ticketQrData('Q7K2M9X4AB', 'https://xf.example.gov.cn')).toBe('https://xf.example.gov.cn/mobile/?c=Q7K2M9X4AB');
    expect(ticketQrData('Q7K2M9X4AB', 'https://example.gov.cn/xinfang/')).toBe('https://example.gov.cn/xinfang/mobile/?c=Q7K2M9X4AB');
  });

  it('gives the kiosk the code whichever the scanner typed', () => {
    expect(queryCodeFrom(' Q7K2M9X4AB ')).toBe('Q7K2M9X4AB');
    expect(queryCodeFrom('https://xf.example.gov.cn/mobile/?c=Q7K2M9X4AB')).toBe('Q7K2M9X4AB');
    expect(queryCodeFrom('https://xf.example.gov.cn/mobile/?lang=zh&c=Q7K2M9X4AB#top')).toBe('Q7K2M9X4AB');
    // Not a code in a URL: left as typed, and the server's schema refuses it politely.
    expect(queryCodeFrom('https://example.com/?c=<script>')).toBe('https://example.com/?c=<script>');
  });
});
