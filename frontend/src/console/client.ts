import type { TypedDocumentString } from '../generated/graphql';
import { accessToken, endSession, renewSession, SessionEnded } from './session';
import { consoleLanguage, ct } from './messages';

/**
 * Why a request gave no data: the session ended, the agent may not do this, the network or the server failed, or the
 * API refused the request (with the input field it concerns, when it names one).
 */
export type RequestFailure = 'session' | 'forbidden' | 'network' | 'server' | 'refused';

export class RequestError extends Error {
  constructor(
    readonly failure: RequestFailure,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function asRequestError(error: unknown): RequestError {
  if (error instanceof RequestError) {
    return error;
  }
  if (error instanceof SessionEnded) {
    return new RequestError('session', ct('sessionEnded'));
  }
  return new RequestError('server', error instanceof Error ? error.message : String(error));
}

type GraphQlError = { message: string; extensions?: { classification?: string; code?: string; field?: string } };

function send(document: { toString(): string }, variables: unknown, token: string) {
  return fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      // The API says its refusals in the console's language, not the browser's.
      'Accept-Language': consoleLanguage(),
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: document.toString(), variables }),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  }).catch(() => {
    throw new RequestError('network', ct('failedNetwork'));
  });
}

/**
 * Sends one of the console's typed operations with the signed-in agent's token, the one place that attaches it. A
 * token the API no longer takes is renewed once and the request sent again; if it cannot be renewed the session has
 * ended, and every panel learns so at once.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let response = await send(document, variables, await accessToken());
  if (response.status === 401) {
    if (!(await renewSession())) {
      endSession();
      throw new RequestError('session', ct('sessionEnded'));
    }
    response = await send(document, variables, await accessToken());
  }
  if (response.status === 401) {
    endSession();
    throw new RequestError('session', ct('sessionEnded'));
  }
  if (!response.ok) {
    throw new RequestError('server', ct('failedHttp', { status: response.status }));
  }
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQlError[] };
  const error = body.errors?.[0];
  if (error) {
    const kind = error.extensions?.classification ?? error.extensions?.code;
    if (kind === 'UNAUTHORIZED') {
      endSession();
      throw new RequestError('session', ct('sessionEnded'));
    }
    if (kind === 'FORBIDDEN') {
      throw new RequestError('forbidden', ct('failedForbidden'));
    }
    // A value of a type the schema does not take (GraphQL's "Variable 'input' has an invalid value: ..."), in its words
    // and English: the forms send none they can tell, and the agent reads what to do, in the console's language.
    if (error.message.startsWith("Variable '")) {
      throw new RequestError('refused', ct('failedInvalidValue'));
    }
    throw new RequestError('refused', ct('failedRefused', { reason: error.message }), error.extensions?.field);
  }
  if (!body.data) {
    throw new RequestError('server', ct('failedHttp', { status: response.status }));
  }
  return body.data;
}
