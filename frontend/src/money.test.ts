import { describe, expect, it } from 'vitest';
import { choiceExtraShipping, extraShippingEnd, sumOfDecimals } from './money';

describe('money as the API gives it', () => {
  it('adds decimals without binary fractions showing', () => {
    expect(sumOfDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumOfDecimals(['9328.00', '49.00'])).toBe('9377.00');
    expect(sumOfDecimals([])).toBe('0.00');
  });

  it('tells how the extra shipping ended: reserved, released untouched, all taken, or part', () => {
    expect(extraShippingEnd({ authorised: '98.00', charged: '0.00', released: false })).toBe('reserved');
    expect(extraShippingEnd({ authorised: '98.00', charged: '0.00', released: true })).toBe('released');
    expect(extraShippingEnd({ authorised: '98.00', charged: '98.00', released: true })).toBe('taken');
    expect(extraShippingEnd({ authorised: '98.00', charged: '49.00', released: true })).toBe('partly');
  });

  it('reads what a delivery choice reserved or released of the extra shipping, and nothing from a free choice', () => {
    expect(choiceExtraShipping({ preference: 'SHIP_AS_AVAILABLE', extraShippingReserved: '49.00' })).toEqual({
      change: 'reserved',
      amount: '49.00',
    });
    expect(choiceExtraShipping({ preference: 'WAIT_FOR_ALL', extraShippingReleased: '49.00' })).toEqual({
      change: 'released',
      amount: '49.00',
    });
    expect(choiceExtraShipping({ preference: 'SHIP_AS_AVAILABLE' })).toBeNull();
  });
});
