import { expect, it } from 'vitest';
import { christmasOf } from './christmas';

const december = (day: number) => new Date(`2026-12-${String(day).padStart(2, '0')}T10:00:00`);
const parcel = (earliest: string, latest: string, ...names: string[]) => ({ earliest, latest, names });

it('says whether what is to come arrives before Christmas Eve, runs across it, or comes after, while it is December', () => {
  expect(christmasOf([parcel('2026-12-18', '2026-12-23', 'Sofa')], december(8))).toEqual({ kind: 'before' });
  expect(christmasOf([parcel('2026-12-18', '2026-12-31', 'Sofa')], december(8))).toEqual({ kind: 'across' });
  expect(christmasOf([parcel('2026-12-28', '2027-01-05', 'Sofa')], december(8))).toEqual({ kind: 'after' });
  // Well into the new year is after Christmas too.
  expect(christmasOf([parcel('2027-01-13', '2027-01-25', 'Sofa')], december(8))).toEqual({ kind: 'after' });
});

it('names the items of the parcels that come before Christmas when the rest comes after', () => {
  expect(
    christmasOf(
      [parcel('2026-12-15', '2026-12-22', 'Rhein lamp'), parcel('2027-01-04', '2027-01-12', 'Oslo sofa', 'Cushion')],
      december(8),
    ),
  ).toEqual({ kind: 'split', before: ['Rhein lamp'] });
  // A parcel whose window runs across Christmas makes the whole uncertain.
  expect(
    christmasOf([parcel('2026-12-15', '2026-12-22', 'Lamp'), parcel('2026-12-21', '2026-12-29', 'Sofa')], december(8)),
  ).toEqual({ kind: 'across' });
});

it('says nothing of Christmas from Christmas Eve on, before November, or with nothing to come', () => {
  expect(christmasOf([parcel('2026-12-28', '2026-12-30', 'Sofa')], december(24))).toBeNull();
  expect(christmasOf([parcel('2026-10-12', '2026-10-14', 'Sofa')], new Date('2026-10-08T10:00:00'))).toBeNull();
  expect(christmasOf([], december(8))).toBeNull();
});
