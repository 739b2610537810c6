import { day } from './format';
import { ct } from './messages';

/** The console's address of an order: the Orders tab with that order found and open. */
export function orderHref(orderNumber: string): string {
  return `/console?order=${encodeURIComponent(orderNumber)}`;
}

/** A link to an order in the console, named by its number. */
export function OrderLink({ order }: { order: string }) {
  return (
    <a href={orderHref(order)} aria-label={ct('openOrder', { order })} className="nowrap">
      {order}
    </a>
  );
}

/** The suppliers the console knows, by code and name. */
export type SupplierNames = readonly { code: string; name: string }[];

/** A supplier's name where the console knows it, else its code (a supplier removed since, say). */
export function supplierName(code: string, suppliers: SupplierNames): string {
  return suppliers.find((supplier) => supplier.code === code)?.name ?? code;
}

/** The open purchase orders as options: number, supplier by name, expected day, lines waiting. */
export function PurchaseOrderOptions({
  orders,
  suppliers,
}: {
  orders: readonly { number: string; supplier: string; expectedArrival: string; waitingLines: number }[];
  suppliers: SupplierNames;
}) {
  return orders.map((po) => (
    <option key={po.number} value={po.number}>
      {ct('purchaseOrderOption', {
        number: po.number,
        supplier: supplierName(po.supplier, suppliers),
        date: day(po.expectedArrival),
        lines: po.waitingLines,
      })}
    </option>
  ));
}
