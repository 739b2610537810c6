import type { Client } from 'graphql-ws';

const clients = new Map<string, Client>();

/**
 * One WebSocket to the backend's subscription endpoint per signed-in user (or none), opened on first use and
 * reconnecting. An agent's token goes in the connection's first message: browsers send no headers with sockets.
 */
async function socket(accessToken?: string): Promise<Client> {
  // The socket's library is fetched when the page first follows something, after it has shown the order.
  const { createClient } = await import('graphql-ws');
  const key = accessToken ?? '';
  let client = clients.get(key);
  if (!client) {
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    client = createClient({
      url: `${protocol}//${window.location.host}/graphql-ws`,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      connectionParams: accessToken ? { Authorization: `Bearer ${accessToken}` } : undefined,
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * Follows a subscription: calls {@code onData} with each result's data until the returned function is called.
 * Errors end nothing for the page: it keeps what it shows and the client connects again.
 */
export function follow<TData>(
  query: string,
  variables: Record<string, unknown>,
  operationName: string,
  onData: (data: TData) => void,
  accessToken?: string,
): () => void {
  let stopped = false;
  let stop = () => {
    stopped = true;
  };
  void socket(accessToken).then((client) => {
    if (stopped) {
      return;
    }
    stop = client.subscribe<TData>(
      { query, variables, operationName },
      {
        next: (result) => {
          if (result.data) {
            onData(result.data as TData);
          }
        },
        error: () => {},
        complete: () => {},
      },
    );
  });
  return () => stop();
}
