import { expect, it } from 'vitest';
import { apiInt, day } from './format';

it('sends a number the API’s Int cannot carry as the largest one, which the field’s own rule refuses', () => {
  expect(apiInt(' 12 ')).toBe(12);
  expect(apiInt('-5')).toBe(-5);
  expect(apiInt('99999999999')).toBe(2_147_483_647);
  expect(apiInt('1.5')).toBe(2_147_483_647);
  expect(apiInt('1e400')).toBe(2_147_483_647);
});

it('writes a day more than half a year from today with its year, so an old one does not read as the coming one', () => {
  // Today is Monday 7 December 2026 in the page tests.
  expect(day('2026-10-22')).toBe('Thu 22 Oct');
  expect(day('2027-05-31')).toBe('Mon 31 May');
  expect(day('2020-01-01')).toBe('Wed, 1 Jan 2020');
  expect(day('2027-12-24')).toBe('Fri, 24 Dec 2027');
});
