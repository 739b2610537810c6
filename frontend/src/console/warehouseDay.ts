import { useState } from 'react';
import { WarehouseTodayDocument } from '../generated/graphql';
import { useQuery } from './api';
import { today } from './format';

/**
 * The day goods came in, as a receipt form holds it: the warehouse's today until the agent types another. The
 * warehouse's day is the API's (its time zone), not the browser's: an agent's browser elsewhere, or on UTC just before
 * midnight, is a day behind or ahead of it, and a receipt is checked against the warehouse's. The browser's today
 * stands in until the API answers.
 *
 * @return the day, the setter of a typed one, and the warehouse's today (the latest day goods can have come in on)
 */
export function useReceiptDay() {
  const warehouse = useQuery(WarehouseTodayDocument, {});
  const warehouseToday = warehouse.data?.warehouseToday ?? today();
  const [typed, setTyped] = useState<string | null>(null);
  return [typed ?? warehouseToday, setTyped, warehouseToday] as const;
}
