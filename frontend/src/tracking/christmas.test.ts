import { expect, it } from 'vitest';
import { christmasOf } from './christmas';

const december = (day: number) => new Date(`2026-12-${String(day).padStart(2, '0')}T10:00:00`);

it('says whether a window comes before Christmas Eve, runs across it, or comes after, while it is December', () => {
  expect(christmasOf({ earliest: '2026-12-18', latest: '2026-12-23' }, december(8))).toBe('before');
  expect(christmasOf({ earliest: '2026-12-18', latest: '2026-12-31' }, december(8))).toBe('across');
  expect(christmasOf({ earliest: '2026-12-28', latest: '2027-01-05' }, december(8))).toBe('after');
});

it('says nothing of Christmas from Christmas Eve on, before November, or of a window well into the new year', () => {
  expect(christmasOf({ earliest: '2026-12-28', latest: '2026-12-30' }, december(24))).toBeNull();
  expect(christmasOf({ earliest: '2026-10-12', latest: '2026-10-14' }, new Date('2026-10-08T10:00:00'))).toBeNull();
  expect(christmasOf({ earliest: '2027-01-04', latest: '2027-01-12' }, december(8))).toBeNull();
});
