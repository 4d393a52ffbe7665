/**
 * The access token lives only in this module's memory; the refresh token only in an HttpOnly
 * cookie the page cannot read. Refreshes are single-flight, and serialized across tabs with a
 * Web Lock, because a refresh token spent twice revokes the whole login.
 */
let token: string | null = null;
let expiresAt = 0;
let inflight: Promise<string | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(signedIn: boolean) => void>();

const EARLY_MS = 30_000;

export function setAccessToken(accessToken: string, expiresInSeconds: number) {
  token = accessToken;
  expiresAt = Date.now() + expiresInSeconds * 1000;
  clearTimeout(timer);
  // Silently renew before expiry so a request never waits on it.
  timer = setTimeout(() => void refreshAccessToken(), Math.max(5_000, expiresInSeconds * 1000 - EARLY_MS));
  for (const listener of listeners) listener(true);
}

export function clearAccessToken() {
  const had = token !== null;
  token = null;
  expiresAt = 0;
  clearTimeout(timer);
  if (had) for (const listener of listeners) listener(false);
}

export function onSessionChange(listener: (signedIn: boolean) => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** A usable access token, renewed first when it is about to expire; null when signed out. */
export async function currentAccessToken(): Promise<string | null> {
  if (token && Date.now() < expiresAt - 5_000) return token;
  if (token) return refreshAccessToken();
  return inflight ?? null;
}

async function spendCookie(): Promise<string | null> {
  const response = await fetch('/api/v1/auth/session/refresh', { method: 'POST', credentials: 'same-origin' });
  if (!response.ok) {
    clearAccessToken();
    return null;
  }
  const body = (await response.json()) as { accessToken: string; expiresIn: number };
  setAccessToken(body.accessToken, body.expiresIn);
  return body.accessToken;
}

export function refreshAccessToken(): Promise<string | null> {
  inflight ??= (
    navigator.locks ? navigator.locks.request('bazar-session-refresh', spendCookie).then((token) => token) : spendCookie()
  ).finally(() => {
    inflight = null;
  });
  return inflight;
}
