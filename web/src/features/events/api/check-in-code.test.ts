import { expect, test } from 'vitest';
import { whoByCode } from './check-in-store';

test('a typed or scanned code names a registration or a certificate, and nothing else', () => {
  expect(whoByCode(' ab3-d9z ')).toEqual({ registrationCode: 'AB3D9Z' });
  expect(whoByCode('k7qm2-x9tpw')).toEqual({ certificateCode: 'K7QM2X9TPW' });
  expect(whoByCode('https://doorstep.example.vn/#/check/K7QM2X9TPW')).toEqual({ certificateCode: 'K7QM2X9TPW' });
  expect(whoByCode('https://doorstep.example.vn/#/check/AB3D9Z')).toBeNull();
  expect(whoByCode('ABCDE')).toBeNull();
  expect(whoByCode('https://example.com/somewhere')).toBeNull();
});
