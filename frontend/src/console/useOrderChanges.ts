import { createClient, type Client } from 'graphql-ws';
import { useEffect, useRef } from 'react';
import { OrderChangesDocument } from '../generated/graphql';
import { accessToken } from './session';

let socket: Client | null = null;

/**
 * The console's one WebSocket for live updates. Each (re)connection sends the token current then, so that after a
 * renewal the socket connects again with the new one.
 */
function liveUpdates(): Client {
  if (!socket) {
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = createClient({
      url: `${protocol}//${window.location.host}/graphql-ws`,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      connectionParams: async () => ({ Authorization: `Bearer ${await accessToken()}` }),
    });
  }
  return socket;
}

/** Closes the socket, when the agent signs out or their session ends. */
export function closeLiveUpdates(): void {
  socket?.dispose();
  socket = null;
}

/**
 * Calls {@code onChange} with an order's number whenever that order changes — a delay, goods received, a customer's
 * choice, made anywhere — so that a panel can refresh what it shows.
 */
export function useOrderChanges(onChange: (orderNumber: string) => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    let stop = () => {};
    let timer: number | undefined;
    let mounted = true;
    // The server ends a subscription whose token ran out: connect again, with the token current then.
    const again = () => {
      closeLiveUpdates();
      timer = window.setTimeout(() => mounted && start(), 1000);
    };
    const start = () => {
      stop = liveUpdates().subscribe<{ orderChanges: string }>(
        { query: OrderChangesDocument.toString() },
        {
          next: (result) => result.data && latest.current(result.data.orderChanges),
          error: again,
          complete: () => {},
        },
      );
    };
    start();
    return () => {
      mounted = false;
      window.clearTimeout(timer);
      stop();
    };
  }, []);
}
