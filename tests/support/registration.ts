// Valid registrations for tests, with ID numbers that pass the GB 11643 check.
import { randomUUID } from 'node:crypto';
import type { CardIdentity, IntakeBody } from '../../common/domain.ts';
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
    matter: {
      category: '城乡建设',
      purpose: '求决',
      placeCode: '110101',
      cause: '政策落实不到位',
      problem: '小区旧房改造停工两年,至今没有复工。',
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
