import { useState } from 'react';
import { WarehouseTodayDocument } from '../generated/graphql';
import { useQuery } from './api';
import { today } from './format';

/**
 * The warehouse's day now, as the API gives it (its time zone), not the browser's: an agent's browser elsewhere, or on
 * UTC just before midnight, is a day behind or ahead of it, and receipts and arrivals are checked against the
 * warehouse's. The browser's today stands in until the API answers.
 */
export function useWarehouseToday(): string {
  const warehouse = useQuery(WarehouseTodayDocument, {});
  return warehouse.data?.warehouseToday ?? today();
}

/**
 * The day goods came in, as a receipt form holds it: the warehouse's today until the agent types another.
 *
 * @return the day, the setter of a typed one, and the warehouse's today (the latest day goods can have come in on)
 */
export function useReceiptDay() {
  const warehouseToday = useWarehouseToday();
  const [typed, setTyped] = useState<string | null>(null);
  return [typed ?? warehouseToday, setTyped, warehouseToday] as const;
}
