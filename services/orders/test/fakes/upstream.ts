import { fileURLToPath } from 'node:url';
import { PaymentCaptured, PaymentFailed, PaymentRefunded } from '@bazar/contracts/events/payments';
import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { DomainError } from '@bazar/kit/errors';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { Money } from '@bazar/kit/money';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import { pgSchema } from 'drizzle-orm/pg-core';
import { available, fake } from './state.ts';

const schema = pgSchema('orders_fakes');
const down = (what: string) => {
  if (fake.down.has(what)) throw new DomainError('platform.service_unreachable', 503, `${what} is down (test)`);
};
type Body = Record<string, unknown>;

function paymentsFake(deps: ServiceDeps) {
  const publish = (event: OutgoingEvent) => deps.uow(async ({ publish: write }) => write(event));
  const at = () => new Date().toISOString();
  const ref = (p: { id: string; orderId: string; provider: string }) => ({ paymentId: p.id, orderId: p.orderId, provider: p.provider });
  return {
    async create(body: Body) {
      down('payment');
      const id = body.paymentId as string;
      const existing = fake.payments.get(id);
      if (existing) return existing;
      const token = body.token as string;
      const status = token === 'tok_success' ? 'captured' : token === 'tok_3ds' ? 'requires_action' : 'failed';
      const payment = {
        id,
        orderId: body.orderId as string,
        status,
        amount: body.amount as Money,
        provider: body.provider as string,
        failureReason: status === 'failed' ? 'card_declined' : null,
        nextAction: status === 'requires_action' ? { type: 'redirect', url: `/api/v1/payments/${id}/confirm` } : null,
        refunded: 0,
      } as const;
      fake.payments.set(id, { ...payment });
      if (status === 'captured') await publish(PaymentCaptured.make({ ...ref(payment), amount: payment.amount, capturedAt: at() }));
      if (status === 'failed') await publish(PaymentFailed.make({ ...ref(payment), reason: 'card_declined', failedAt: at() }));
      return fake.payments.get(id);
    },
    async confirm(id: string) {
      const p = fake.payments.get(id);
      if (!p) throw new DomainError('payments.not_found', 404, 'no payment');
      p.status = 'captured';
      await publish(PaymentCaptured.make({ ...ref(p), amount: p.amount, capturedAt: at() }));
      return p;
    },
    async refund(id: string, amount: number, refundId: string) {
      const p = fake.payments.get(id);
      if (!p) throw new DomainError('payments.not_found', 404, 'no payment');
      if (p.status !== 'captured' && p.status !== 'partially_refunded') throw new DomainError('payments.not_captured', 409, 'not captured');
      if (amount > p.amount.amount - p.refunded) throw new DomainError('payments.refund_exceeds', 422, 'too much');
      p.refunded += amount;
      const full = p.refunded === p.amount.amount;
      p.status = full ? 'refunded' : 'partially_refunded';
      const money = (n: number) => ({ amount: n, currency: p.amount.currency });
      await publish(
        PaymentRefunded.make({ ...ref(p), refundId, amount: money(amount), refundedTotal: money(p.refunded), full, refundedAt: at() }),
      );
      return p;
    },
  };
}

/** Test-only stand-ins for cart, inventory, promotions and payments, speaking their internal contracts. */
export const upstreamFakes = defineService({
  name: 'orders_fakes',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  tables: { outbox: outboxTable(schema), inbox: inboxTable(schema) },
  routes(app, deps) {
    const guard = { preHandler: deps.internal, schema: { hide: true } };
    const payments = paymentsFake(deps);
    const cartOf = (req: { params: unknown }) => {
      const cart = fake.carts.get((req.params as { id: string }).id);
      if (!cart) throw new DomainError('cart.not_found', 404, 'no cart');
      return cart;
    };
    app.post('/internal/v1/carts/:id/check-out', guard, async (req) => {
      down('cart');
      const cart = cartOf(req);
      const { orderId, customerId } = req.body as { orderId: string; customerId: string };
      if (cart.ownerId !== null && cart.ownerId !== customerId) throw new DomainError('cart.forbidden', 403, 'not yours');
      if (cart.status === 'checked_out' && cart.orderId !== orderId) throw new DomainError('cart.checked_out', 409, 'closed');
      cart.status = 'checked_out';
      cart.orderId = orderId;
      return cart;
    });
    app.post('/internal/v1/carts/:id/reopen', guard, async (req) => {
      down('reopen');
      const cart = cartOf(req);
      if (cart.status === 'checked_out' && cart.orderId === (req.body as Body).orderId) {
        cart.status = 'open';
        cart.orderId = null;
      }
      return { cartId: cart.id, status: cart.status, orderId: cart.orderId };
    });

    app.post('/internal/v1/inventory/reservations', guard, async (req, reply) => {
      down('reserve');
      const body = req.body as { reservationId: string; lines: { sku: string; quantity: number }[] };
      const view = (status: string) => ({
        reservationId: body.reservationId,
        status,
        lines: body.lines.map((l) => ({ ...l, warehouseId: body.reservationId })),
      });
      if (fake.reservations.has(body.reservationId)) return view(fake.reservations.get(body.reservationId)?.status ?? 'reserved');
      const short = body.lines.filter((l) => available(l.sku) < l.quantity);
      if (short.length > 0) {
        throw new DomainError('inventory.out_of_stock', 409, 'Not enough stock', {
          items: short.map((l) => ({ sku: l.sku, requested: l.quantity, available: available(l.sku) })),
        });
      }
      for (const l of body.lines) (fake.stock.get(l.sku) as { reserved: number }).reserved += l.quantity;
      fake.reservations.set(body.reservationId, { lines: body.lines, status: 'reserved' });
      return reply.status(201).send(view('reserved'));
    });
    app.post('/internal/v1/inventory/reservations/:id/release', guard, async (req) => {
      down('release');
      const reservationId = (req.params as { id: string }).id;
      const r = fake.reservations.get(reservationId);
      if (!r) return { reservationId, status: 'not_found' };
      if (r.status === 'reserved') for (const l of r.lines) (fake.stock.get(l.sku) as { reserved: number }).reserved -= l.quantity;
      r.status = 'released';
      return { reservationId, status: 'released' };
    });

    app.post('/internal/v1/promotions/redemptions', guard, async (req, reply) => {
      down('redeem');
      const body = req.body as { redemptionId: string; code: string; subtotal: Money };
      const promo = fake.promos.get(body.code);
      if (!promo) throw new DomainError('promotions.invalid_code', 422, 'no such code');
      const existing = fake.redemptions.get(body.redemptionId);
      if (!existing) {
        if (promo.usageLimit !== null && promo.used >= promo.usageLimit) throw new DomainError('promotions.exhausted', 422, 'used up');
        promo.used++;
        fake.redemptions.set(body.redemptionId, { code: body.code, status: 'redeemed' });
      }
      const discount =
        promo.type === 'percent' ? Math.floor((body.subtotal.amount * promo.value) / 100) : promo.type === 'fixed' ? promo.value : 0;
      return reply.status(201).send({
        redemptionId: body.redemptionId,
        status: 'redeemed',
        code: body.code,
        type: promo.type,
        discount: { amount: discount, currency: body.subtotal.currency },
        freeShipping: promo.type === 'free_shipping',
      });
    });
    app.post('/internal/v1/promotions/redemptions/:id/cancel', guard, async (req) => {
      const redemptionId = (req.params as { id: string }).id;
      const r = fake.redemptions.get(redemptionId);
      if (!r) return { redemptionId, status: 'not_found' };
      if (r.status === 'redeemed') (fake.promos.get(r.code) as { used: number }).used--;
      r.status = 'cancelled';
      return { redemptionId, status: 'cancelled' };
    });
    app.post('/internal/v1/loyalty/holds', guard, async (req, reply) => {
      down('hold');
      const body = req.body as { holdId: string; customerId: string; points: number };
      if (!fake.holds.has(body.holdId)) {
        const balance = fake.points.get(body.customerId) ?? 0;
        if (balance < body.points) throw new DomainError('promotions.insufficient_points', 422, 'not enough points');
        fake.points.set(body.customerId, balance - body.points);
        fake.holds.set(body.holdId, { customerId: body.customerId, points: body.points, status: 'held' });
      }
      return reply.status(201).send({
        holdId: body.holdId,
        points: body.points,
        value: { amount: body.points * fake.pointValue, currency: 'RUB' },
        status: 'held',
      });
    });
    app.post('/internal/v1/loyalty/holds/:id/cancel', guard, async (req) => {
      const holdId = (req.params as { id: string }).id;
      const h = fake.holds.get(holdId);
      if (!h) return { holdId, status: 'not_found' };
      if (h.status === 'held') fake.points.set(h.customerId, (fake.points.get(h.customerId) ?? 0) + h.points);
      h.status = 'cancelled';
      return { holdId, status: 'cancelled' };
    });

    app.post('/internal/v1/payments', guard, async (req, reply) => reply.status(201).send(await payments.create(req.body as Body)));
    app.post('/internal/v1/payments/:id/void', guard, async (req) => {
      down('void');
      const id = (req.params as { id: string }).id;
      const p = fake.payments.get(id);
      if (!p) throw new DomainError('payments.not_found', 404, 'no payment');
      if (p.status === 'captured') return payments.refund(id, p.amount.amount - p.refunded, newId());
      if (p.status === 'requires_action' || p.status === 'authorized') p.status = 'voided';
      return p;
    });
    app.post('/internal/v1/payments/:id/refund', guard, async (req) => {
      const body = req.body as { refundId: string; amount?: Money };
      const p = fake.payments.get((req.params as { id: string }).id);
      return payments.refund(p?.id ?? '', body.amount?.amount ?? (p ? p.amount.amount - p.refunded : 0), body.refundId);
    });
    app.post('/internal/v1/test-payments/:id/confirm', guard, async (req) => payments.confirm((req.params as { id: string }).id));
  },
});
