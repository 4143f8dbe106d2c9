import { expect, test } from 'vitest';
import { dhis2PeriodId } from './dhis2-period';

test('the form builds the DHIS2 period ids the reports route takes', () => {
  expect(dhis2PeriodId('month', 2025, 9)).toBe('202509');
  expect(dhis2PeriodId('month', 2025, 12)).toBe('202512');
  expect(dhis2PeriodId('quarter', 2025, 3)).toBe('2025Q3');
  expect(dhis2PeriodId('week', 2025, 36)).toBe('2025W36');
  expect(dhis2PeriodId('year', 2025, 1)).toBe('2025');
});
