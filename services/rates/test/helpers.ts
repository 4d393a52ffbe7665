import type { TestService } from '@bazar/kit/testing';

/** Request helpers over app.inject with an optional bearer token. */
export function client(t: TestService) {
  const headers = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});
  return {
    get: (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: headers(token) }),
    post: (url: string, token?: string) => t.app.inject({ method: 'POST', url, headers: headers(token) }),
    put: (url: string, payload: unknown, token?: string) =>
      t.app.inject({ method: 'PUT', url, payload: payload as object, headers: headers(token) }),
    del: (url: string, token?: string) => t.app.inject({ method: 'DELETE', url, headers: headers(token) }),
  };
}

/** rates.updated envelopes in the outbox, oldest first. */
export async function ratesEvents(t: TestService) {
  return (await t.outbox()).filter((e) => e.type === 'rates.updated');
}

export async function waitFor(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
