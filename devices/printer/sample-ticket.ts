import { PHRASES } from '../../common/phrases.ts';
import type { TicketPrint } from './ticket-layout.ts';

/** A typical ticket: the golden test, the benchmark and the test print use it. */
export const SAMPLE_TICKET: TicketPrint = {
  hallName: '市人民来访接待大厅',
  number: 'A023',
  serviceName: '初访登记',
  green: false,
  issuedAt: '2026-11-25 09:03',
  ahead: 3,
  waitingPhrase: PHRASES.pleaseWait,
  reminder: '请携带本人身份证件及反映问题的相关材料。',
  qrData: 'Q7K2M9X4',
};
