import type { MessageKey } from '../i18n/messages';
import type { CustomerOrder } from './api';

/**
 * How a parcel still to come is said: one that holds only items their supplier sends says so, so that the customer
 * does not wait for it from the shop.
 */
export function parcelKey(lineIds: readonly string[], order: CustomerOrder): MessageKey {
  const fromSupplier =
    lineIds.length > 0 &&
    lineIds.every((id) => order.lines.find((line) => line.id === id)?.source === 'DROPSHIP');
  return fromSupplier ? 'parcels.parcel.fromSupplier' : 'parcels.parcel';
}
