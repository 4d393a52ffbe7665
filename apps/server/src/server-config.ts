import { readEnv } from '@bazar/kit/config';
import { isProduction, refuseDevelopmentDefaults } from '@bazar/kit/production';
import { type Static, Type } from 'typebox';

export const ServerConfigSchema = Type.Object({
  BAZAR_DEMO: Type.Optional(
    Type.Union([Type.Literal('0'), Type.Literal('1')], {
      description: 'Load demo data at start (embedded mode): on by default, off and refused under NODE_ENV=production',
    }),
  ),
  BAZAR_WORKERS: Type.Integer({
    default: 1,
    minimum: 1,
    maximum: 64,
    description: 'Processes serving `bazar start` / `bazar serve` on one port (node:cluster); more than 1 needs DATABASE_URL',
  }),
  BAZAR_SHUTDOWN_GRACE_MS: Type.Integer({
    default: 1000,
    minimum: 0,
    maximum: 60_000,
    description:
      'On SIGTERM, how long /ready answers 503 and requests already sent are still read before the listener closes; in-flight requests then finish',
  }),
});
export type ServerConfig = Static<typeof ServerConfigSchema> & { BAZAR_DEMO: '0' | '1' };

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const config = readEnv(ServerConfigSchema, env);
  const demo = config.BAZAR_DEMO ?? (isProduction(env) ? '0' : '1');
  refuseDevelopmentDefaults(env, [
    { variable: 'BAZAR_DEMO', unsafe: demo === '1', fix: 'demo accounts share a published password; set BAZAR_DEMO=0' },
  ]);
  return { ...config, BAZAR_DEMO: demo };
}
