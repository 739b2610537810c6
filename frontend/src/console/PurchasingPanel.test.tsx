import { expect, it } from 'vitest';
import { expectedArrival } from './PurchasingPanel';

const confirmed = { arrival: '2027-01-12', at: '2026-12-01T09:30:00Z', by: 'anna' };

it('says on whose word a purchase order is expected: the supplier, a delay since, or neither', () => {
  expect(expectedArrival({ expectedArrival: '2027-01-12', confirmations: [] })).toBe(
    'Tue 12 Jan (not confirmed by the supplier)',
  );
  expect(expectedArrival({ expectedArrival: '2027-01-12', confirmations: [confirmed] })).toMatch(
    /^Tue 12 Jan \(the supplier's date, recorded by anna, 1 Dec 2026, \d{2}:\d{2}\)$/,
  );
  expect(expectedArrival({ expectedArrival: '2027-01-21', confirmations: [confirmed] })).toBe(
    'Thu 21 Jan (moved by a delay; the supplier had confirmed Tue 12 Jan)',
  );
});
