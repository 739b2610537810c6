import { formatItems } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/messages';
import type { CustomerOrder } from './api';

/** The items of these lines as one list in the reader's language ("Oslo sofa and Rhein lamp"); an unknown id as it is. */
export function itemsOf(lineIds: readonly string[], order: CustomerOrder, language: Language): string {
  return formatItems(
    lineIds.map((id) => order.lines.find((line) => line.id === id)?.name ?? id),
    language,
  );
}

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
