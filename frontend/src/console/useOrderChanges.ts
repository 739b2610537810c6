import { useEffect, useRef } from 'react';
import type { OrderChangesSubscription } from '../generated/graphql';
import { follow } from '../liveUpdates';
import CONSOLE from './console.graphql?raw';

/**
 * Calls {@code onChange} with an order's number whenever that order changes — a delay, goods received, a customer's
 * choice, made anywhere — so that a panel can refresh what it shows.
 */
export function useOrderChanges(token: string, onChange: (orderNumber: string) => void) {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(
    () =>
      follow<OrderChangesSubscription>(
        CONSOLE,
        {},
        'OrderChanges',
        (data) => latest.current(data.orderChanges),
        token,
      ),
    [token],
  );
}
