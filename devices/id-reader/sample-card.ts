import type { CardIdentity } from '../../common/contract/devices.ts';
import { idCheckCharacter } from '../../common/id-number.ts';

/** A made-up resident ID card (valid check character): the reader tests and `npm run devices -- place-card` use it. */
export const SAMPLE_CARD: CardIdentity = {
  name: '王五',
  genderCode: '1',
  nationCode: '01',
  birthDate: '1960-05-20',
  address: '测试市测试区测试路18号',
  idNumber: `11010119600520003${idCheckCharacter('11010119600520003')}`,
  issuer: '测试市公安局',
  validFrom: '2010-05-20',
  validUntil: '长期',
};
