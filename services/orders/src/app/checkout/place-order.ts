import { isTestCardToken, TEST_CARD_TOKENS } from '@bazar/contracts/clients/payments';
import { UnknownTestCardToken } from '../../domain/order.errors.ts';
import type { OrdersContext } from '../context.ts';
import { runCheckoutSaga } from './checkout.saga.ts';
import type { CheckoutAnswer, CheckoutRequest } from './checkout-state.ts';
import { settleCheckout } from './settle-checkout.ts';
import { type CheckoutIdempotency, startCheckout } from './start-checkout.ts';

/**
 * POST /checkout: records the checkout (or answers a repeat of its Idempotency-Key), runs the
 * saga's steps, then settles it with what the payment answered (settle-checkout.ts).
 */
export async function placeOrder(
  ctx: OrdersContext,
  input: { customerId: string; request: CheckoutRequest; idempotency?: CheckoutIdempotency },
): Promise<{ answer: CheckoutAnswer; replayed: boolean }> {
  const { provider, token } = input.request.payment;
  // Refused before anything is reserved: an unknown test token is a typo, not a declined card.
  if (provider === 'test' && !isTestCardToken(token)) throw UnknownTestCardToken(token, Object.keys(TEST_CARD_TOKENS));
  const orderId = ctx.deps.ids.next();
  const initial = { checkoutId: ctx.deps.ids.next(), orderId, customerId: input.customerId, request: input.request };
  const start = await startCheckout(ctx, initial, input.idempotency);
  if ('replay' in start) return { answer: start.replay, replayed: true };
  return ctx.settledHere.settling(orderId, async () => settleCheckout(ctx, input, await runCheckoutSaga(ctx, start.state)));
}
