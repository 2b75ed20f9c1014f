import { afterEach, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../common/id-number.ts';
import type { CardIdentity } from '../../devices/id-reader/identity.ts';
import { SerialIdCardReader } from '../../devices/id-reader/serial-reader.ts';
import { SimulatedIdReader } from '../../devices/id-reader/simulated-reader.ts';

const CARD: CardIdentity = {
  name: '李四',
  genderCode: '2',
  nationCode: '01',
  birthDate: '1985-11-02',
  address: '测试省测试市测试路8号',
  idNumber: `11010119851102002${idCheckCharacter('11010119851102002')}`,
  issuer: '测试市公安局',
  validFrom: '2020-01-01',
  validUntil: '2040-01-01',
};

const readers: SerialIdCardReader[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

async function connect(fake: SimulatedIdReader, readRetryMs: readonly number[] = [60_000]) {
  const reader = new SerialIdCardReader({ path: fake.path, baudRate: 115200 }, fake.factory, 100, { readRetryMs });
  readers.push(reader);
  const cards: CardIdentity[] = [];
  const errors: Error[] = [];
  reader.on('card', (c) => cards.push(c));
  reader.on('readError', (e) => errors.push(e));
  await reader.open();
  return { reader, cards, errors };
}

describe('serial ID card reader', () => {
  it('checks the SAM, reads a card once, and reads again only after it left', async () => {
    const fake = new SimulatedIdReader();
    const { reader, cards } = await connect(fake);
    expect(reader.condition).toBe('ready');
    expect(await reader.poll()).toBeNull();
    fake.card = CARD;
    expect(await reader.poll()).toEqual(CARD);
    expect(await reader.poll()).toBeNull(); // same card still on the reader
    fake.card = null;
    await reader.poll();
    fake.card = CARD;
    await reader.poll();
    expect(cards).toEqual([CARD, CARD]);
  });

  it('reports a read that fails its checks and passes nothing on', async () => {
    const fake = new SimulatedIdReader();
    fake.card = CARD;
    fake.corruptText = true;
    const { reader, cards, errors } = await connect(fake);
    expect(await reader.poll()).toBeNull();
    expect(cards).toEqual([]);
    expect(errors[0]?.message).toMatch(/ID number/);
  });

  it('survives garbage and silence: no crash, a status the desk can see', async () => {
    const fake = new SimulatedIdReader();
    fake.card = CARD;
    fake.noise = true;
    const { reader, cards } = await connect(fake);
    expect(reader.condition).toBe('offline'); // no valid reply to the SAM check within the timeout
    expect(await reader.poll()).toBeNull();
    expect(reader.condition).toBe('offline');
    expect(cards).toEqual([]);
    fake.noise = false;
    expect(await reader.poll()).toEqual(CARD);
    expect(reader.condition).toBe('ready');
  });

  it('is ready again as soon as it answers properly, with no card on it', async () => {
    const fake = new SimulatedIdReader();
    const { reader } = await connect(fake);
    expect(reader.condition).toBe('ready');
    fake.noise = true;
    for (let i = 0; i < 3; i++) await reader.poll();
    expect(reader.condition).toBe('offline');
    fake.noise = false;
    expect(await reader.poll()).toBeNull();
    expect(reader.condition).toBe('ready');
  });

  it('reports a garbled read of a card as a read error, not as an offline reader', async () => {
    const fake = new SimulatedIdReader();
    const { reader, errors } = await connect(fake);
    fake.card = CARD;
    fake.garbage = true;
    expect(await reader.poll()).toBeNull();
    expect(errors).toHaveLength(1);
    expect(reader.condition).toBe('ready');
  });

  it('does not re-read a failing card every round: again after a pause, or at once when put back', async () => {
    const fake = new SimulatedIdReader();
    fake.card = CARD;
    fake.corruptText = true;
    const { reader, cards, errors } = await connect(fake, [150]);
    for (let i = 0; i < 4; i++) expect(await reader.poll()).toBeNull();
    expect(fake.reads).toBe(1);
    expect(errors).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 200));
    await reader.poll();
    expect(fake.reads).toBe(2); // tried again after the pause
    expect(errors).toHaveLength(2);

    fake.card = null; // taken off and put back, read properly this time
    await reader.poll();
    fake.card = CARD;
    fake.corruptText = false;
    expect(await reader.poll()).toEqual(CARD);
    expect(cards).toEqual([CARD]);
  });
});
