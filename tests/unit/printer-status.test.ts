import { describe, expect, it } from 'vitest';
import { applyStatusByte, canPrint, conditionOf, isStatusByte, READY, statusRequest } from '../../devices/printer/status.ts';

describe('DLE EOT status', () => {
  it('asks with DLE EOT n', () => {
    expect(statusRequest('printer').toString('hex')).toBe('100401');
    expect(statusRequest('paper').toString('hex')).toBe('100404');
  });

  it('recognises status bytes by their fixed bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x12 | 0x0c)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x93)).toBe(false);
  });

  it.each([
    ['printer', 0x12, 'ready'],
    ['printer', 0x12 | 0x08, 'offline'],
    ['offline', 0x12 | 0x04, 'cover_open'],
    ['offline', 0x12 | 0x20, 'paper_out'],
    ['error', 0x12 | 0x08, 'cutter_error'],
    ['error', 0x12 | 0x40, 'error'],
    ['paper', 0x12 | 0x0c, 'paper_near_end'],
    ['paper', 0x12 | 0x60, 'paper_out'],
  ] as const)('%s 0x%s → %s', (kind, byte, condition) => {
    expect(conditionOf(applyStatusByte(READY, kind, byte))).toBe(condition);
  });

  it('prints when ready or near the end of the paper only', () => {
    expect(canPrint('paper_near_end')).toBe(true);
    expect(canPrint('paper_out')).toBe(false);
    expect(() => applyStatusByte(READY, 'paper', 0xff)).toThrow(/status byte/);
  });
});
