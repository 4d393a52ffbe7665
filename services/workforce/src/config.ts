import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const WorkforceConfigSchema = Type.Object({
  MATCH_OFFER_SECONDS: Type.Integer({
    default: 120,
    minimum: 1,
    maximum: 86_400,
    description: 'How long a worker has to accept an offered request before it goes to the next one',
  }),
  TEST_RETRY_HOURS: Type.Number({
    default: 24,
    minimum: 0,
    maximum: 8_760,
    description: 'Hours after a failed qualification test before the candidate may try again',
  }),
});
export type WorkforceConfig = Static<typeof WorkforceConfigSchema>;

export const readWorkforceConfig = (env: Record<string, string | undefined>) => readEnv(WorkforceConfigSchema, env);
