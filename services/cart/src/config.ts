import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const CartConfigSchema = Type.Object({
  SHIPPING_FEE_MINOR: Type.Integer({ default: 30_000, minimum: 0, description: 'Flat shipping fee in minor units of the base currency' }),
  FREE_SHIPPING_THRESHOLD_MINOR: Type.Integer({
    default: 500_000,
    minimum: 0,
    description: 'Subtotal (base currency, minor units) from which shipping is free',
  }),
  CART_DEFAULT_CURRENCY: Type.String({
    default: 'RUB',
    pattern: '^[A-Z]{3}$',
    description: "A new cart's currency when none is asked for",
  }),
  CART_TTL_DAYS: Type.Integer({
    default: 30,
    minimum: 1,
    description: 'Carts are removed after this many days without a change (Redis expiry, or a nightly job for carts in the database)',
  }),
  CART_MAX_LINES: Type.Integer({ default: 100, minimum: 1, description: 'Lines in one cart' }),
  CART_MAX_QUANTITY: Type.Integer({ default: 999, minimum: 1, description: 'Units of one variant in one cart' }),
  PROMO_MAX_WRONG_CODES: Type.Integer({
    default: 5,
    minimum: 1,
    description:
      'Wrong promo codes one cart or customer may try within the window before each further try waits (1 s, doubling; 429 with Retry-After meanwhile); 4× that per client address',
  }),
  PROMO_WRONG_CODES_WINDOW_SECONDS: Type.Integer({
    default: 900,
    minimum: 1,
    description: 'The window wrong promo codes are counted in, and the longest wait',
  }),
  CART_REDIS_PREFIX: Type.String({ default: 'bazar:cart:', description: 'Key prefix of carts in Redis' }),
  REDIS_URL: Type.Optional(Type.String({ description: 'When set, carts live in Redis instead of the database' })),
});
export type CartConfig = Static<typeof CartConfigSchema>;

export const readCartConfig = (env: Record<string, string | undefined>) => readEnv(CartConfigSchema, env);
