// Agents sign in with OIDC: authorization code with PKCE, as a public client. The access token lives in this
// tab's session storage only.

type SignInSettings = {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  scope: string;
  redirectUri: string;
};

const TOKEN = 'leadline.console.token';
const PENDING = 'leadline.console.pending';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function settings(): Promise<SignInSettings> {
  const response = await fetch('/console/sign-in.json');
  if (!response.ok) {
    throw new Error(`Sign-in settings: HTTP ${response.status}`);
  }
  return response.json();
}

export async function signIn(): Promise<void> {
  const config = await settings();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  window.location.assign(`${config.authorizationEndpoint}?${query}`);
}

/** Finishes a sign-in on the callback page: checks the state and trades the code for a token. */
export async function completeSignIn(search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING);
  if (!pending || params.get('state') !== pending.state || !params.get('code')) {
    throw new Error(params.get('error_description') ?? params.get('error') ?? 'The sign-in could not be completed.');
  }
  const config = await settings();
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code')!,
      redirect_uri: config.redirectUri,
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`The sign-in server refused the code (HTTP ${response.status}).`);
  }
  const body = (await response.json()) as { access_token: string };
  sessionStorage.setItem(TOKEN, body.access_token);
}

export type Agent = { name: string; roles: string[]; token: string };

/** The signed-in agent, if the token is still valid. */
export function currentAgent(): Agent | null {
  const token = sessionStorage.getItem(TOKEN);
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
    if (claims.exp * 1000 < Date.now()) {
      sessionStorage.removeItem(TOKEN);
      return null;
    }
    return { name: claims.preferred_username ?? claims.sub, roles: claims.roles ?? [], token };
  } catch {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN);
}
