// `npm run devices -- place-card` against a running hall server: signs in as the admin, places
// the test card on the simulated reader, and shows the personal data only masked.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../common/id-number.ts';
import { SAMPLE_CARD } from '../../devices/id-reader/sample-card.ts';
import { ADMIN_PASSWORD, startHall, type Hall } from '../support/hall.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let hall: Hall;
afterEach(() => hall.close());

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
    const result = await devices(['place-card', '--server', hall.url], { HALL_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(hall.app.hall.readers.simulated('R1')!.card).toEqual(SAMPLE_CARD);
    expect(result.out).toContain('王*');
    expect(result.out).toContain(`110${'*'.repeat(14)}${SAMPLE_CARD.idNumber.slice(-1)}`);
    expect(result.out).not.toContain(SAMPLE_CARD.name);
    expect(result.out).not.toContain(SAMPLE_CARD.idNumber);
  });

  it('places a given identity (birth date and gender from the ID number) and refuses a wrong password', async () => {
    hall = await startHall({ readers: [{ id: 'R2', name: '2号读卡器' }] });
    const idNumber = `44030519851231002${idCheckCharacter('44030519851231002')}`;
    const placed = await devices(['place-card', '--server', hall.url, '--reader', 'R2', '--password', ADMIN_PASSWORD, '--name', '张三丰', '--id-number', idNumber]);
    expect(placed).toMatchObject({ code: 0, err: '' });
    expect(placed.out).toContain('张**');
    expect(hall.app.hall.readers.simulated('R2')!.card).toEqual({ ...SAMPLE_CARD, name: '张三丰', idNumber, birthDate: '1985-12-31', genderCode: '2' });

    const refused = await devices(['place-card', '--server', hall.url, '--reader', 'R2', '--password', 'not-the-password', '--name', '李四']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('登录失败');
    expect(hall.app.hall.readers.simulated('R2')!.card!.name).toBe('张三丰');
  });
});
