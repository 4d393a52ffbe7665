import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';
import { parseDurationSeconds } from './domain/duration.ts';

export const OrdersConfigSchema = Type.Object({
  ORDER_PAYMENT_TTL: Type.String({
    default: '30m',
    description: 'How long an unpaid order waits for its payment: seconds (`1800`), `30m`, `2h`, `1d` or ISO 8601 (`PT30M`)',
  }),
  ORDER_CHECKOUT_RECOVERY_EVERY_SECONDS: Type.Integer({
    default: 10,
    minimum: 1,
    description: 'How often checkouts left unfinished by a crash or an unreachable service are looked for and undone',
  }),
  ORDER_CHECKOUT_RECOVERY_AFTER_SECONDS: Type.Integer({
    default: 30,
    minimum: 1,
    description:
      'A checkout still unfinished this long after its last step is undone (longer than a checkout can take: 6 calls of at most 5 s)',
  }),
  ORDER_CHECKOUT_RECOVERY_BATCH: Type.Integer({
    default: 200,
    minimum: 1,
    description: 'Unfinished checkouts undone per recovery pass',
  }),
});

export interface OrdersConfig extends Static<typeof OrdersConfigSchema> {
  paymentTtlSeconds: number;
}

/** Orders settings; a TTL that is not a duration stops start-up. */
export function readOrdersConfig(env: Record<string, string | undefined>): OrdersConfig {
  const raw = readEnv(OrdersConfigSchema, env);
  const paymentTtlSeconds = parseDurationSeconds(raw.ORDER_PAYMENT_TTL);
  if (paymentTtlSeconds === undefined || paymentTtlSeconds < 1) {
    throw new Error(`Invalid configuration:\n  ORDER_PAYMENT_TTL: "${raw.ORDER_PAYMENT_TTL}" is not a duration like 30m or PT30M`);
  }
  return { ...raw, paymentTtlSeconds };
}
