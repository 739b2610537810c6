// Money as the API gives it (decimals in strings), read the same way on the customer's page and in the console.

/** Decimal amounts added up in hundredths, so that nothing is lost to binary fractions; two decimals back. */
export function sumOfDecimals(amounts: readonly string[]): string {
  return (amounts.reduce((sum, amount) => sum + Math.round(Number(amount) * 100), 0) / 100).toFixed(2);
}

/** What became of the extra shipping a customer agreed to: still reserved, released untouched, all taken, or part. */
export type ExtraShippingEnd = 'reserved' | 'released' | 'taken' | 'partly';

export function extraShippingEnd(agreed: { authorised: string; charged: string; released: boolean }): ExtraShippingEnd {
  if (!agreed.released) {
    return 'reserved';
  }
  if (Number(agreed.charged) === 0) {
    return 'released';
  }
  return Number(agreed.charged) >= Number(agreed.authorised) ? 'taken' : 'partly';
}

/**
 * What of the extra shipping the customer agreed to belongs to what the order costs: all that is reserved for it until
 * the rest is released, then what was taken. The customer's page and the console add it to the items' total alike.
 */
export function extraShippingInTotal(
  agreed: { authorised: string; charged: string; released: boolean } | null | undefined,
): string {
  if (agreed == null) {
    return '0.00';
  }
  return extraShippingStillReserved(agreed) ? agreed.authorised : agreed.charged;
}

/** Whether part of the extra shipping agreed to is still reserved on the card, to be taken or released. */
export function extraShippingStillReserved(
  agreed: { authorised: string; charged: string; released: boolean } | null | undefined,
): boolean {
  return agreed != null && !agreed.released && Number(agreed.charged) < Number(agreed.authorised);
}

/**
 * What a delivery choice in a timeline did to the extra shipping, from the event's details: reserved an amount on the
 * card, released one, or neither (null).
 */
export function choiceExtraShipping(details: Record<string, string | undefined>): {
  change: 'reserved' | 'released';
  amount: string;
} | null {
  if (details.extraShippingReserved) {
    return { change: 'reserved', amount: details.extraShippingReserved };
  }
  if (details.extraShippingReleased) {
    return { change: 'released', amount: details.extraShippingReleased };
  }
  return null;
}
