import { expect, it } from 'vitest';
import { punctualityWindow } from './SuppliersPanel';

it('says the days promises allow for before the expected date as before it, not as negative days after it', () => {
  expect(punctualityWindow({ earliestDays: 2, latestDays: 11, confidence: 0.9 })).toMatch(
    /^; promises allow for 2 to 11 days after the expected date \(90\s?% of deliveries\)$/,
  );
  expect(punctualityWindow({ earliestDays: -1, latestDays: 11, confidence: 0.9 })).toMatch(
    /^; promises allow for 1 day before to 11 days after the expected date/,
  );
  expect(punctualityWindow({ earliestDays: -5, latestDays: -2, confidence: 0.9 })).toMatch(
    /^; promises allow for 2 to 5 days before the expected date/,
  );
});
