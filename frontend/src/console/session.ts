import { useSyncExternalStore } from 'react';
import { consoleLanguage } from './messages';

// Agents sign in with OIDC: authorization code with PKCE, as a public client. The access token lives in this tab's
// session storage only. It is short-lived, and public clients get no refresh token, so the console renews it while
// the authorization server still knows the agent: the same authorization request with prompt=none, which answers
// with a new code at once (or login_required) and shows nothing. Where the server is on this origin the request
// goes in the background; elsewhere the page goes there and back, keeping where the agent was.

type SignInSettings = {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  /** Where signing out ends the session at the sign-in server; "" for a provider without one. */
  endSessionEndpoint: string;
  postLogoutRedirectUri: string;
};

const TOKEN = 'leadline.console.token';
/** The ID token of the sign-in, which ending the session at the sign-in server names it by. */
const ID_TOKEN = 'leadline.console.idToken';
const PENDING = 'leadline.console.pending';
const RETURN_TO = 'leadline.console.return';

export type Agent = { name: string; roles: string[]; token: string; expiresAt: number };
export type Session = { agent: Agent | null; ended: boolean };

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

let loaded: Promise<SignInSettings> | null = null;

function settings(): Promise<SignInSettings> {
  loaded ??= fetch('/console/sign-in.json').then((response) => {
    if (!response.ok) {
      loaded = null;
      throw new Error(`Sign-in settings: HTTP ${response.status}`);
    }
    return response.json() as Promise<SignInSettings>;
  });
  return loaded;
}

function agentFrom(token: string | null): Agent | null {
  if (!token) {
    return null;
  }
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      sub: string;
      preferred_username?: string;
      roles?: string[];
      exp: number;
    };
    if (claims.exp * 1000 <= Date.now()) {
      return null;
    }
    return {
      name: claims.preferred_username ?? claims.sub,
      roles: claims.roles ?? [],
      token,
      expiresAt: claims.exp * 1000,
    };
  } catch {
    return null;
  }
}

let session: Session = { agent: agentFrom(sessionStorage.getItem(TOKEN)), ended: false };
const listeners = new Set<() => void>();

function publish(next: Session) {
  session = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in agent and whether their session ended, re-rendering on every change. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session);
}

async function authorizationRequest(prompt?: 'none') {
  const config = await settings();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    // The sign-in form speaks the console's language (OpenID Connect's ui_locales).
    ui_locales: consoleLanguage(),
    ...(prompt ? { prompt } : {}),
  });
  return { url: `${config.authorizationEndpoint}?${query}`, verifier, state };
}

/** Goes to the sign-in server and back to where the agent is now (the console keeps their input meanwhile). */
export async function signIn(prompt?: 'none'): Promise<void> {
  const { url, verifier, state } = await authorizationRequest(prompt);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  sessionStorage.setItem(
    RETURN_TO,
    window.location.pathname === '/console/callback' ? '/console' : window.location.pathname,
  );
  window.location.assign(url);
}

async function redeem(code: string, verifier: string): Promise<void> {
  const config = await settings();
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: config.redirectUri,
      client_id: config.clientId,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`The sign-in server refused the code (HTTP ${response.status}).`);
  }
  const body = (await response.json()) as { access_token: string; id_token?: string };
  sessionStorage.setItem(TOKEN, body.access_token);
  if (body.id_token) {
    sessionStorage.setItem(ID_TOKEN, body.id_token);
  }
  publish({ agent: agentFrom(body.access_token), ended: false });
}

/**
 * Finishes a sign-in on the callback page: checks the state and trades the code for a token. Answers where the
 * agent was; a silent attempt the server answered with login_required ends the session instead.
 */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  const returnTo = sessionStorage.getItem(RETURN_TO) ?? '/console';
  sessionStorage.removeItem(PENDING);
  sessionStorage.removeItem(RETURN_TO);
  if (pending && params.get('state') === pending.state && params.get('error') === 'login_required') {
    endSession();
    return returnTo;
  }
  if (!pending || params.get('state') !== pending.state || !params.get('code')) {
    throw new Error(params.get('error_description') ?? params.get('error') ?? 'The sign-in could not be completed.');
  }
  await redeem(params.get('code')!, pending.verifier);
  return returnTo;
}

let renewing: Promise<boolean> | null = null;

/**
 * A new token without the agent noticing, while the sign-in server's session lasts: true when one came. Same-origin
 * sign-in servers answer the silent request in the background; an external one cannot be read from here, so the
 * page goes there and comes back (and this never resolves).
 */
export function renewSession(): Promise<boolean> {
  renewing ??= (async () => {
    try {
      const { url, verifier, state } = await authorizationRequest('none');
      if (new URL(url, window.location.href).origin !== window.location.origin) {
        await signIn('none');
        return new Promise<boolean>(() => {});
      }
      const answer = await fetch(url, { credentials: 'same-origin', redirect: 'follow' });
      const back = new URL(answer.url);
      const code = back.searchParams.get('code');
      if (back.searchParams.get('state') !== state || !code) {
        return false;
      }
      await redeem(code, verifier);
      return true;
    } catch {
      return false;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/** A token valid for a while yet, renewed first if it is about to run out. */
export async function accessToken(): Promise<string> {
  const agent = session.agent;
  if (agent && !session.ended && agent.expiresAt - Date.now() > 5_000) {
    return agent.token;
  }
  if (!session.ended && (await renewSession()) && session.agent) {
    return session.agent.token;
  }
  endSession();
  throw new SessionEnded();
}

export class SessionEnded extends Error {
  constructor() {
    super('The session ended.');
  }
}

/** The token is gone: every panel shows the session ended, and what the agent typed stays for after signing in. */
export function endSession(): void {
  sessionStorage.removeItem(TOKEN);
  if (!session.ended) {
    publish({ agent: session.agent, ended: true });
  }
}

/**
 * Signs the agent out here and at the sign-in server (OIDC RP-initiated logout), which comes back to the console:
 * at a shared desk the next "Sign in" asks for a password again. A sign-in server without an end-session endpoint
 * keeps its own session.
 */
export async function signOut(): Promise<void> {
  const idToken = sessionStorage.getItem(ID_TOKEN);
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(ID_TOKEN);
  publish({ agent: null, ended: false });
  const config = await settings();
  if (config.endSessionEndpoint && idToken) {
    const logout = new URL(config.endSessionEndpoint, window.location.href);
    logout.searchParams.set('id_token_hint', idToken);
    logout.searchParams.set('client_id', config.clientId);
    logout.searchParams.set('post_logout_redirect_uri', config.postLogoutRedirectUri);
    window.location.assign(logout.toString());
  }
}
