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

type PickedPurchaseOrder = { number: string; supplier: string; expectedArrival: string; waitingLines: number };

function described(po: PickedPurchaseOrder, suppliers: SupplierNames): string {
  return ct('purchaseOrderOption', {
    number: po.number,
    supplier: supplierName(po.supplier, suppliers),
    date: day(po.expectedArrival),
    lines: po.waitingLines,
  });
}

/** The suppliers as options: each by name, with its code, which is what is sent. */
export function SupplierOptions({ suppliers }: { suppliers: SupplierNames }) {
  return suppliers.map((supplier) => (
    <option key={supplier.code} value={supplier.code}>
      {supplier.name} ({supplier.code})
    </option>
  ));
}

/** The open purchase orders as options: number, supplier by name, expected day, lines waiting. */
export function PurchaseOrderOptions({
  orders,
  suppliers,
}: {
  orders: readonly PickedPurchaseOrder[];
  suppliers: SupplierNames;
}) {
  return orders.map((po) => (
    <option key={po.number} value={po.number}>
      {described(po, suppliers)}
    </option>
  ));
}

/**
 * The purchase order picked, said in full under its picker where a narrow screen cuts the picker's text short (its
 * supplier and date, the lines waiting). Hidden from screen readers, which read the picked option in full already.
 */
export function PickedPurchaseOrder({
  orders,
  suppliers,
  picked,
}: {
  orders: readonly PickedPurchaseOrder[];
  suppliers: SupplierNames;
  picked: string | null | undefined;
}) {
  const po = orders.find((candidate) => candidate.number === picked);
  return po ? (
    <span className="picked" aria-hidden="true" data-testid="picked-purchase-order">
      {described(po, suppliers)}
    </span>
  ) : null;
}
