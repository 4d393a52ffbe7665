import createClient from 'openapi-fetch';
import { currentAccessToken, refreshAccessToken } from '../session/token-store.ts';
import type { components, paths } from './schema.gen.ts';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type Money = { amount: number; currency: string };

/** Adds the in-memory access token; on a 401 renews it once from the session cookie and retries. */
async function authorizedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const token = await currentAccessToken();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401 || !token) return response;
  const renewed = await refreshAccessToken();
  if (!renewed) return response;
  retry.headers.set('authorization', `Bearer ${renewed}`);
  return fetch(retry);
}

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', fetch: authorizedFetch });

/** A problem+json answer, thrown so TanStack Query and forms can show it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  /** The message for one field, from `errors[].path`. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.path, e.message]));
  }
}

/** The data of an openapi-fetch answer, or an ApiError. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (error && typeof error === 'object' ? error : { title: response.statusText, status: response.status }) as Problem;
    throw new ApiError(response.status, { ...problem, type: problem.type ?? 'about:blank', status: response.status });
  }
  return data as T;
}
