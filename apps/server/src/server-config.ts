import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const ServerConfigSchema = Type.Object({
  BAZAR_DEMO: Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '1', description: 'Load demo data at start (embedded mode)' }),
});
export type ServerConfig = Static<typeof ServerConfigSchema>;
export const readServerConfig = (env: Record<string, string | undefined>) => readEnv(ServerConfigSchema, env);
