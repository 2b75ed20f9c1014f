// The printed 一次性告知单 (devices/printer/notice-layout.ts): golden bytes for fixed inputs, and the
// paper as the printer renders it (ESC/POS decoded) carries the five items of the notification.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noticeFor } from '../../common/notification.ts';
import { layoutNotice, type NoticePrint } from '../../devices/printer/notice-layout.ts';
import { previewTicket } from '../../devices/printer/preview.ts';
import { loadConfig } from '../../server/config/load.ts';

const SLIP: NoticePrint = {
  hallName: '市人民来访接待大厅',
  number: 'A023',
  serviceName: '初访登记',
  category: '城乡建设',
  printedAt: '2026-11-25 09:03',
  notice: {
    basis: '《信访工作条例》。',
    office: '有权处理的机关、单位。',
    procedure: '15日内决定是否受理；受理后60日内办结。',
    materials: ['本人居民身份证（原件）', '反映问题的书面材料'],
    remedies: '30日内请求复查；对复查意见不服的，30日内请求复核。',
  },
};

const GOLDEN = new URL('./golden/notice-80mm-gb18030.hex', import.meta.url);

describe('一次性告知单 layout (ESC/POS)', () => {
  it('matches the golden bytes for fixed inputs', () => {
    const bytes = layoutNotice(SLIP, { paperWidth: 80, codepage: 'gb18030' });
    // Regenerate deliberately with UPDATE_GOLDEN=1 after a reviewed layout change.
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${bytes.toString('hex')}\n`);
    expect(bytes.toString('hex')).toBe(readFileSync(GOLDEN, 'utf8').trim());
    expect(bytes.subarray(0, 2).toString('hex')).toBe('1b40');
    expect(bytes.subarray(-8).toString('hex')).toBe('1b64041d56011b40'); // feed 4, partial cut, reset
  });

  it('prints the five items of the configured notification, decoded from the bytes', () => {
    const config = loadConfig({}, {});
    const notice = noticeFor(
      { notification: config.registration.notification, materials: config.registration.materials, purposeMaterials: config.registration.purposeMaterials },
      { serviceCode: 'A', purpose: '申诉', category: '劳动和社会保障' },
    );
    for (const codepage of ['gb18030', 'gbk'] as const) {
      const paper = previewTicket(layoutNotice({ ...SLIP, category: '劳动和社会保障', notice }, { paperWidth: 58, codepage }), codepage);
      expect(paper).toContain('一次性告知单');
      expect(paper).toContain('号码 A023');
      const headings = ['一、依据', '二、办理机关', '三、程序和时限', '四、需要的材料', '五、救济途径'];
      const at = headings.map((h) => paper.indexOf(h));
      expect(at.every((i) => i > -1), paper).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(paper).toContain('《信访工作条例》');
      expect(paper).toContain('人力资源社会保障部门'); // the category's own handling office
      expect(paper).toContain('15日内决定是否受理');
      expect(paper).toContain('1. 本人居民身份证（原件）');
      expect(paper).toContain('原处理决定或答复文书'); // the purpose's material
      expect(paper).toContain('劳动合同'); // the category's material
      expect(paper).toContain('复查');
      expect(paper).toContain('复核');
    }
  });
});

describe('the notification one person is told', () => {
  it('takes the general texts, a category’s replacements, and the materials without repeats', () => {
    const source = {
      notification: { basis: 'B', office: 'O', procedure: 'P', remedies: 'R', byCategory: { 政法: { remedies: 'R2', materials: ['判决书'] } } },
      materials: { A: ['身份证', '判决书'] },
      purposeMaterials: { 申诉: ['原处理决定'] },
    };
    expect(noticeFor(source, { serviceCode: 'A', purpose: '求决', category: '城乡建设' })).toEqual({
      basis: 'B',
      office: 'O',
      procedure: 'P',
      materials: ['身份证', '判决书'],
      remedies: 'R',
    });
    expect(noticeFor(source, { serviceCode: 'A', purpose: '申诉', category: '政法' })).toMatchObject({
      materials: ['身份证', '判决书', '原处理决定'],
      remedies: 'R2',
    });
  });
});
