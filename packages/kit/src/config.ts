import { type Static, type TObject, Type } from 'typebox';
import { Value } from 'typebox/value';

/** Reads and validates a group of environment variables; a bad value stops start-up with a clear message. */
export function readEnv<T extends TObject>(schema: T, env: Record<string, string | undefined> = process.env): Static<T> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Default(schema, Value.Convert(schema, raw));
  const errors = [...Value.Errors(schema, converted)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.instancePath.slice(1) || '(root)'}: ${e.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return converted as Static<T>;
}

/** Platform settings shared by every process. Service settings live beside each service. */
export const PlatformConfigSchema = Type.Object({
  NODE_ENV: Type.Optional(
    Type.String({
      description: 'production: the test payment provider and demo data are off by default, and development default secrets stop the start',
    }),
  ),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535, description: 'HTTP port' }),
  HOST: Type.String({ default: '127.0.0.1', description: 'HTTP bind address' }),
  BAZAR_DATA_DIR: Type.String({ default: './data', description: 'PGlite data directory (embedded mode)' }),
  DATABASE_URL: Type.Optional(Type.String({ description: 'PostgreSQL URL; when set, PGlite is not used' })),
  DATABASE_POOL_SIZE: Type.Integer({
    default: 10,
    minimum: 1,
    maximum: 1000,
    description: 'PostgreSQL connections per process (each worker has its own pool)',
  }),
  AMQP_URL: Type.Optional(Type.String({ description: 'RabbitMQ URL; when set, events go through RabbitMQ' })),
  AMQP_PREFIX: Type.String({
    default: 'bazar',
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'Names the exchange (`<prefix>.events`) and queues (`<prefix>.<service>`), so installations can share a broker',
  }),
  REDIS_URL: Type.Optional(
    Type.String({
      description: 'Redis URL; when set, rate-limit counters (logins, registrations, promo codes), product caches and carts live in Redis',
    }),
  ),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    { default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' },
  ),
  TRUST_PROXY: Type.String({
    default: 'loopback',
    description:
      'Peers whose X-Forwarded-For names the client (comma-separated addresses, CIDRs, loopback or uniquelocal; `none` on an edge that faces clients directly); the gateway sets it, so per-address limits see the real client behind it',
  }),
  IDENTITY_URL: Type.Optional(Type.String({ description: 'Where a standalone service fetches the JWKS' })),
  BAZAR_INTERNAL_TOKEN: Type.Optional(
    Type.String({ minLength: 16, description: 'Secret services present to each other (distributed mode); random per process when unset' }),
  ),
  BAZAR_OUTBOX_POLL_MS: Type.Integer({
    default: 1000,
    minimum: 10,
    description: 'Outbox relay safety-net poll interval (commits wake it at once)',
  }),
  BAZAR_RECONCILE_EVERY_SECONDS: Type.Integer({
    default: 15,
    minimum: 1,
    description: 'How often inventory, promotions and payments reconcile what checkouts left with them against the orders',
  }),
  BAZAR_RECONCILE_AFTER_SECONDS: Type.Integer({
    default: 20,
    minimum: 1,
    description: 'A reservation, redemption, points hold or payment younger than this is left to its checkout',
  }),
  BAZAR_RECONCILE_WINDOW_HOURS: Type.Integer({
    default: 24,
    minimum: 1,
    description: 'How far back the reconcilers look for effects still open',
  }),
  BAZAR_RECONCILE_ALERT_SECONDS: Type.Integer({
    default: 300,
    minimum: 1,
    description: 'An effect of a cancelled or unwritten order still open this long counts in `bazar_reconcile_overdue_effects`',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(
    Type.String({
      description:
        "OTLP/HTTP collector base URL (e.g. `http://collector:4318`); when set, traces of requests, service calls and events go to `<url>/v1/traces` and log lines carry `trace_id`. Unset: tracing is not loaded. The SDK's own `OTEL_BSP_*` batch settings apply",
    }),
  ),
  OTEL_SERVICE_NAME: Type.Optional(
    Type.String({ description: 'Service name on exported traces; `bazar-<services served>` when unset (`bazar` for `bazar start`)' }),
  ),
});
export type PlatformConfig = Static<typeof PlatformConfigSchema>;

export const loadPlatformConfig = (env?: Record<string, string | undefined>) => readEnv(PlatformConfigSchema, env);
