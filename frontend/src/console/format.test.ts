import { expect, it } from 'vitest';
import { apiInt } from './format';

it('sends a number the API’s Int cannot carry as the largest one, which the field’s own rule refuses', () => {
  expect(apiInt(' 12 ')).toBe(12);
  expect(apiInt('-5')).toBe(-5);
  expect(apiInt('99999999999')).toBe(2_147_483_647);
  expect(apiInt('1.5')).toBe(2_147_483_647);
  expect(apiInt('1e400')).toBe(2_147_483_647);
});
