import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

/** What the public entry (the gateway, or `bazar start`) allows browsers and clients. */
export const EdgeConfigSchema = Type.Object({
  RATE_LIMIT_PER_ADDRESS: Type.Integer({
    default: 3000,
    minimum: 0,
    description: 'API requests one client address may make per window before 429 with Retry-After (0 turns the limit off)',
  }),
  RATE_LIMIT_PER_USER: Type.Integer({
    default: 1200,
    minimum: 0,
    description: 'API requests one signed-in user may make per window, from any address (0 turns the limit off)',
  }),
  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ default: 60, minimum: 1, maximum: 86_400, description: "The request limits' window" }),
  RATE_LIMIT_REDIS_PREFIX: Type.String({
    default: 'bazar:rate:',
    description: 'Key prefix of the request counters in Redis (with `REDIS_URL`; every gateway process shares them)',
  }),
  CORS_ORIGINS: Type.String({
    default: '',
    description:
      'Other web origins allowed to call the API from a browser, comma-separated (`https://shop.example`); empty: same origin only',
  }),
});
export type EdgeConfig = Static<typeof EdgeConfigSchema>;

export const readEdgeConfig = (env: Record<string, string | undefined>): EdgeConfig => {
  const config = readEnv(EdgeConfigSchema, env);
  for (const origin of corsOrigins(config)) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(`Invalid configuration:\n  CORS_ORIGINS: ${origin} is not an origin (scheme://host[:port])`);
  }
  return config;
};

/** The configured origins, trimmed, without a trailing slash. */
export const corsOrigins = (config: Pick<EdgeConfig, 'CORS_ORIGINS'>): string[] =>
  config.CORS_ORIGINS.split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter((o) => o.length > 0);
