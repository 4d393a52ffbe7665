import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const ServerConfigSchema = Type.Object({
  BAZAR_DEMO: Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '1', description: 'Load demo data at start (embedded mode)' }),
  BAZAR_WORKERS: Type.Integer({
    default: 1,
    minimum: 1,
    maximum: 64,
    description: 'Processes serving `bazar start` / `bazar serve` on one port (node:cluster); more than 1 needs DATABASE_URL',
  }),
});
export type ServerConfig = Static<typeof ServerConfigSchema>;
export const readServerConfig = (env: Record<string, string | undefined>) => readEnv(ServerConfigSchema, env);
