import { spawnSync } from 'node:child_process';
import { deadLetters } from '@bazar/kit/bus/dead-letters';
import type pg from 'pg';
import { BAZAR_BUNDLE } from './processes.ts';

/** A checkout the customer got a 201 for. */
export interface AcceptedCheckout {
  orderId: string;
  paymentId: string | null;
}

const LIVE = ['awaiting_payment', 'paid', 'processing', 'picking', 'packed', 'shipped', 'delivered'];
/** Orders whose goods are still reserved: at `fulfilment.packed` the stock leaves the warehouse (on hand and reserved drop). */
const HOLDING_STOCK = ['awaiting_payment', 'paid', 'processing', 'picking'];
const OPEN_PAYMENT = ['pending', 'requires_action', 'authorized', 'captured', 'partially_refunded'];

/**
 * What must hold once everything has settled after the faults; each broken rule is one line.
 * Reads every service's tables directly (they share one database, a schema each).
 */
export async function violations(
  db: pg.Client,
  accepted: AcceptedCheckout[],
  broker: { url: string; prefix: string; groups: string[] },
): Promise<string[]> {
  const found: string[] = [];
  const rows = async <T>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows as T[];

  const orders = new Map((await rows<{ id: string; status: string }>('SELECT id, status FROM orders.orders')).map((o) => [o.id, o.status]));
  const payments = new Map(
    (
      await rows<{ id: string; order_id: string; status: string; amount: string; refunded: string }>(
        'SELECT id, order_id, status, amount_minor::text AS amount, refunded_minor::text AS refunded FROM payments.payments',
      )
    ).map((p) => [p.id, p]),
  );
  for (const checkout of accepted) {
    const status = orders.get(checkout.orderId);
    const payment = checkout.paymentId ? payments.get(checkout.paymentId) : undefined;
    if (status === 'paid') {
      if (payment && payment.status !== 'captured')
        found.push(`order ${checkout.orderId} paid but payment ${payment.id} is ${payment.status}`);
      continue;
    }
    if (status !== 'cancelled') {
      found.push(`order ${checkout.orderId} is ${status ?? 'missing'}, neither paid nor cancelled`);
      continue;
    }
    if (payment && OPEN_PAYMENT.includes(payment.status)) {
      found.push(
        `order ${checkout.orderId} cancelled but payment ${payment.id} is ${payment.status} (refunded ${payment.refunded}/${payment.amount})`,
      );
    }
  }

  const unsettledCheckouts = await rows<{ id: string; status: string }>(
    `SELECT id, status FROM orders.checkouts WHERE status IN ('running', 'compensating', 'compensation_failed')`,
  );
  for (const c of unsettledCheckouts) found.push(`checkout ${c.id} still ${c.status}`);

  // Every effect whose order is cancelled or was never written must be given back.
  const settledOtherWay = (orderId: string | null) => !orderId || !LIVE.includes(orders.get(orderId) ?? 'absent');
  for (const r of await rows<{ id: string; order_id: string | null }>(
    `SELECT id, order_id FROM inventory.reservations WHERE status = 'reserved'`,
  )) {
    if (settledOtherWay(r.order_id))
      found.push(`reservation ${r.id} still held for ${orders.get(r.order_id ?? '') ?? 'no'} order ${r.order_id}`);
  }
  for (const r of await rows<{ id: string; order_id: string }>(
    `SELECT id, order_id FROM promotions.redemptions WHERE status = 'redeemed'`,
  )) {
    if (settledOtherWay(r.order_id))
      found.push(`redemption ${r.id} still counted for ${orders.get(r.order_id) ?? 'no'} order ${r.order_id}`);
  }
  for (const h of await rows<{ id: string; order_id: string }>(`SELECT id, order_id FROM promotions.loyalty_holds WHERE status = 'held'`)) {
    if (settledOtherWay(h.order_id)) found.push(`points hold ${h.id} still held for ${orders.get(h.order_id) ?? 'no'} order ${h.order_id}`);
  }
  for (const p of payments.values()) {
    if (OPEN_PAYMENT.includes(p.status) && settledOtherWay(p.order_id)) {
      found.push(`payment ${p.id} ${p.status} for ${orders.get(p.order_id) ?? 'no'} order ${p.order_id}`);
    }
  }

  const [units] = await rows<{ reserved: number; live: number }>(
    `SELECT (SELECT coalesce(sum(reserved), 0)::int FROM inventory.stock) AS reserved,
            (SELECT coalesce(sum((line->>'quantity')::int), 0)::int
               FROM orders.orders o, jsonb_array_elements(o.lines) line
              WHERE o.status = ANY($1)) AS live`,
    [HOLDING_STOCK],
  );
  if (units && units.reserved !== units.live) found.push(`reserved units ${units.reserved} ≠ units of orders not yet packed ${units.live}`);
  // Sold units (held or committed reservations) equal the units of the orders that stand (paid, or
  // further along): once every checkout settled, none is left awaiting payment.
  const [sold] = await rows<{ sold: number; paid: number }>(
    `SELECT (SELECT coalesce(sum(l.quantity), 0)::int FROM inventory.reservation_lines l
               JOIN inventory.reservations r ON r.id = l.reservation_id WHERE r.status IN ('reserved', 'committed')) AS sold,
            (SELECT coalesce(sum((line->>'quantity')::int), 0)::int
               FROM orders.orders o, jsonb_array_elements(o.lines) line
              WHERE o.status = ANY($1) AND o.status <> 'awaiting_payment') AS paid`,
    [LIVE],
  );
  if (sold && sold.sold !== sold.paid) found.push(`sold units ${sold.sold} ≠ paid units ${sold.paid}`);

  // Every event written to an outbox has reached the broker.
  for (const { schema } of await rows<{ schema: string }>(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1`,
  )) {
    const [pending] = await rows<{ n: number; oldest: string | null }>(
      `SELECT count(*)::int AS n, min(created_at)::text AS oldest FROM "${schema}".outbox WHERE published_at IS NULL`,
    );
    if (pending && pending.n > 0) found.push(`${pending.n} unpublished outbox row(s) in ${schema} (oldest ${pending.oldest})`);
  }

  const dead = await deadLetters({ url: broker.url, prefix: broker.prefix, groups: broker.groups });
  for (const d of dead) found.push(`dead letter in ${d.group}: ${d.type} ${d.eventId} (${d.error})`);
  return found;
}

/** `bazar ledger verify` and `bazar stock verify` against the run's database: their output when they fail, else nothing. */
export function ledgerViolations(databaseUrl: string): string[] {
  const found: string[] = [];
  for (const command of ['ledger', 'stock']) {
    const verify = spawnSync(process.execPath, [BAZAR_BUNDLE, command, 'verify'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (verify.status !== 0) found.push(`${command} verify failed: ${verify.stdout}${verify.stderr}`.slice(0, 2_000));
  }
  return found;
}
