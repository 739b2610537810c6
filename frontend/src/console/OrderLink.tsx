import { day } from './format';
import { ct } from './messages';

/** The console's address of an order: the Orders tab with that order found and open. */
export function orderHref(orderNumber: string): string {
  return `/console?order=${encodeURIComponent(orderNumber)}`;
}

/** A link to an order in the console, named by its number. */
export function OrderLink({ order }: { order: string }) {
  return (
    <a href={orderHref(order)} aria-label={ct('openOrder', { order })}>
      {order}
    </a>
  );
}

/** The open purchase orders as options: number, supplier, expected day, lines waiting. */
export function PurchaseOrderOptions({
  orders,
}: {
  orders: readonly { number: string; supplier: string; expectedArrival: string; waitingLines: number }[];
}) {
  return orders.map((po) => (
    <option key={po.number} value={po.number}>
      {ct('purchaseOrderOption', {
        number: po.number,
        supplier: po.supplier,
        date: day(po.expectedArrival),
        lines: po.waitingLines,
      })}
    </option>
  ));
}
