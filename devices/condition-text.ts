// What a printer's or reader's condition means, in plain Chinese for the technician, and what
// kind of verdict it is (fine, no answer, a fault): used by `npm run devices` and the device
// agent's --check.
import type { ReaderCondition } from './driver.ts';
import type { PrinterCondition } from './printer/status.ts';

export interface ConditionText {
  text: string;
  verdict: 'ok' | 'noAnswer' | 'deviceFault';
}

export const PRINTER_CONDITION_TEXT: Record<PrinterCondition, ConditionText> = {
  ready: { text: '打印机正常，可以打印。', verdict: 'ok' },
  paper_near_end: { text: '纸卷快用完了，仍可打印，请准备换纸。', verdict: 'ok' },
  paper_out: { text: '打印机缺纸，请装纸后再试。', verdict: 'deviceFault' },
  cover_open: { text: '打印机盖子没有合上，请合上后再试。', verdict: 'deviceFault' },
  cutter_error: { text: '切刀故障，请检查切刀是否卡纸。', verdict: 'deviceFault' },
  error: { text: '打印机报告故障，请关机检查后再试。', verdict: 'deviceFault' },
  offline: { text: '打印机没有应答或处于离线状态，请检查电源、连线和波特率（通常为 9600）。', verdict: 'noAnswer' },
  disconnected: { text: '端口已断开，请检查连线。', verdict: 'noAnswer' },
  agent_offline: { text: '这台自助机的设备代理没有连上大厅服务器，请检查自助机电脑是否开机、联网。', verdict: 'noAnswer' },
};

export const READER_CONDITION_TEXT: Record<ReaderCondition, ConditionText> = {
  ready: { text: 'SAM 模块正常，读卡器就绪。', verdict: 'ok' },
  sam_error: { text: 'SAM 模块异常，读卡器自检未通过。', verdict: 'deviceFault' },
  offline: { text: '读卡器无应答，请检查连线、电源和波特率（通常为 115200）。', verdict: 'noAnswer' },
  disconnected: { text: '端口已断开，请检查连线。', verdict: 'noAnswer' },
  agent_offline: { text: '这台自助机的设备代理没有连上大厅服务器，请检查自助机电脑是否开机、联网。', verdict: 'noAnswer' },
};
