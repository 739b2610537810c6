import { WarehouseClosedDaysDocument } from '../generated/graphql';
import { useQuery } from './api';
import { day } from './format';
import { ct } from './messages';

/**
 * Beside a review of an expected arrival: a caveat when the warehouse sends nothing that day (a public holiday of its
 * country, a day it is closed), so that an agent who typed Christmas Day reads what that means before saving it.
 */
export function ClosedDayCaveat({ date }: { date: string | null | undefined }) {
  const closed = useQuery(WarehouseClosedDaysDocument, {});
  if (!date || !closed.data?.warehouseClosedDays?.includes(date)) {
    return null;
  }
  return (
    <p className="caveat" data-testid="closed-day-caveat">
      {ct('arrivalOnClosedDay', { date: day(date) })}
    </p>
  );
}
