// Valid registrations for tests, with ID numbers that pass the GB 11643 check.
import { randomInt, randomUUID } from 'node:crypto';
import type { CardIdentity } from '../../common/contract/devices.ts';
import type { IntakeBody } from '../../common/contract/registration.ts';
import type { HallApp } from '../../server/app.ts';
import { idCheckCharacter } from '../../common/id-number.ts';

/** A valid ID number: area 110101, the given birth date (YYYYMMDD) and sequence (odd = male). */
export function idNumber(birth = '19580307', sequence = 451): string {
  const first17 = `110101${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export const PERSON = {
  name: '王秀兰',
  idNumber: idNumber('19580307', 452),
  birthDate: '1958-03-07',
  gender: 'female' as const,
  phone: '13912345678',
  address: '东城区和平里街道七号楼三单元',
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function registration(overrides: DeepPartial<IntakeBody> & Record<string, unknown> = {}): IntakeBody {
  const { petitioner, visit, matter, ...rest } = overrides;
  return {
    requestId: randomUUID(),
    serviceCode: 'A',
    notificationAcknowledged: true,
    ...rest,
    petitioner: { ...PERSON, fromCard: false, ...petitioner },
    visit: { visitors: 1, repeat: false, ...visit },
    // Coded as staff code it (a walk-in, or a kiosk page from before the everyday topics); the
    // kiosk now sends `topic` (and `purpose` when known) instead: see tests/integration/registration.test.ts.
    matter: {
      category: '城乡建设',
      purpose: '求决',
      placeCode: '110101',
      cause: '政策落实不到位',
      problem: '小区旧房改造停工两年，至今没有复工。',
      demands: '希望尽快复工并公布改造时间表。',
      ...matter,
    },
  } as IntakeBody;
}

/** What the ID card reader would read off the card of `person`. */
export function cardOf(person: { name: string; idNumber: string; birthDate: string; gender: 'male' | 'female'; address: string }): CardIdentity {
  return {
    name: person.name,
    genderCode: person.gender === 'male' ? '1' : '2',
    nationCode: '01',
    birthDate: person.birthDate,
    address: person.address,
    idNumber: person.idNumber,
    issuer: '北京市公安局东城分局',
    validFrom: '2016-03-07',
    validUntil: '长期',
  };
}

/** Someone new: a valid ID number that no other call (in any process) is likely to give. */
export function freshPetitioner(): Petitioner {
  return petitionerBorn(1 + randomInt(28), 1 + randomInt(998));
}

/** The n-th of 27 944 different people (n from 0), for a test that needs many without a clash. */
export function nthPetitioner(n: number): Petitioner {
  return petitionerBorn(1 + (n % 28), 1 + Math.floor(n / 28));
}

type Petitioner = Pick<IntakeBody['petitioner'], 'idNumber' | 'birthDate' | 'gender'>;

function petitionerBorn(dayOfFebruary: number, sequence: number): Petitioner {
  const day = String(dayOfFebruary).padStart(2, '0');
  return { idNumber: idNumber(`195202${day}`, sequence), birthDate: `1952-02-${day}`, gender: sequence % 2 === 1 ? 'male' : 'female' };
}

/** A kiosk registers a visit (the only way a kiosk gets a number); returns the reply. */
export async function registerAtKiosk(app: { inject: HallApp['inject'] }, kioskToken: string, overrides: Parameters<typeof registration>[0] = {}) {
  const body = registration({ ...overrides, petitioner: { ...freshPetitioner(), ...overrides.petitioner } });
  const response = await app.inject({ method: 'POST', url: '/api/intakes', headers: { authorization: `Bearer ${kioskToken}` }, payload: body });
  if (response.statusCode !== 201) throw new Error(`registration: ${response.statusCode} ${response.body}`);
  return response.json() as { ticket: { id: string; number: string; printState: string; serviceCode: string } };
}
