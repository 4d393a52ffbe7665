import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceVariant, DEFAULT_WAREHOUSE_ID, freshSku, internal, stockEvents, stockOf } from '../../test/helpers.ts';
import inventory from '../index.ts';
import type { InventoryContext } from './context.ts';
import { recentStock } from './recent-stock.ts';
import { reserveStock } from './reserve-stock.ts';
import { skuTurns } from './sku-turns.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(inventory);
});
afterAll(() => t?.close());

const reserve = (body: unknown) => internal(t, 'POST', '/internal/v1/inventory/reservations', body);

describe('reserveStock under concurrency', () => {
  it('lets exactly 5 of 20 concurrent reservations for 5 units succeed; available never goes below 0', async () => {
    const sku = freshSku('RACE');
    await announceVariant(t, sku, 5);
    let lowest = Number.POSITIVE_INFINITY;
    let racing = true;
    // Watches the row while the race runs, to catch a negative available mid-flight.
    const watcher = (async () => {
      while (racing) {
        for (const row of await stockOf(t, sku)) lowest = Math.min(lowest, row.onHand - row.reserved);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const results = await Promise.all(Array.from({ length: 20 }, () => reserve({ reservationId: newId(), lines: [{ sku, quantity: 1 }] })));
    racing = false;
    await watcher;
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    for (const refused of results.filter((r) => r.status === 409)) {
      expect(refused.body).toMatchObject({ code: 'inventory.out_of_stock', items: [{ sku, requested: 1, available: 0 }] });
    }
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 5, reserved: 5 }]);
    expect(lowest).toBeGreaterThanOrEqual(0);
    const events = await stockEvents(t, sku);
    expect(events.map((e) => e.available)).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('never deadlocks when reservations lock the same SKUs listed in opposite orders', async () => {
    const a = freshSku('AAA');
    const b = freshSku('BBB');
    await announceVariant(t, a, 100);
    await announceVariant(t, b, 100);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        reserve({
          reservationId: newId(),
          lines:
            i % 2 === 0
              ? [
                  { sku: a, quantity: 1 },
                  { sku: b, quantity: 1 },
                ]
              : [
                  { sku: b, quantity: 1 },
                  { sku: a, quantity: 1 },
                ],
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(201));
    expect(await stockOf(t, a)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 100, reserved: 16 }]);
    expect(await stockOf(t, b)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 100, reserved: 16 }]);
  });

  it('reserves once when the same reservationId is sent 10 times at once', async () => {
    const sku = freshSku('TWIN');
    await announceVariant(t, sku, 10);
    const body = { reservationId: newId(), lines: [{ sku, quantity: 3 }] };
    const results = await Promise.all(Array.from({ length: 10 }, () => reserve(body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 10, reserved: 3 }]);
  });

  it('releases and reserves concurrently without losing a unit', async () => {
    const sku = freshSku('CHURN');
    await announceVariant(t, sku, 4);
    const held = await Promise.all(
      Array.from({ length: 4 }, () => newId()).map((id) => reserve({ reservationId: id, lines: [{ sku, quantity: 1 }] })),
    );
    const ids = held.map((r) => r.body.reservationId as string);
    const mixed = await Promise.all([
      ...ids.map((id) => internal(t, 'POST', `/internal/v1/inventory/reservations/${id}/release`)),
      ...Array.from({ length: 8 }, () => reserve({ reservationId: newId(), lines: [{ sku, quantity: 1 }] })),
    ]);
    const newlyHeld = mixed.slice(4).filter((r) => r.status === 201).length;
    const [row] = await stockOf(t, sku);
    expect(row).toEqual({ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: newlyHeld });
    expect(newlyHeld).toBeLessThanOrEqual(4);
  });
});

describe('reserveStock in several processes at once', () => {
  // Each context stands for a process: its own remembered levels and turns, one database. Turns
  // order a process's own reservations; across processes the compare-and-set and the locked path
  // decide, and this keeps them exercised.
  const processes = (): InventoryContext[] =>
    Array.from({ length: 4 }, () => ({ deps: t.service.deps, recentStock: recentStock(), skuTurns: skuTurns() }));

  it('sells 5 units to exactly 5 of 20 reservations spread over four processes', async () => {
    const sku = freshSku('SPREAD');
    await announceVariant(t, sku, 5);
    const contexts = processes();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        reserveStock(contexts[i % 4] as InventoryContext, { reservationId: newId(), lines: [{ sku, quantity: 1 }] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(refused.map((e) => e.code)).toEqual(Array(15).fill('inventory.out_of_stock'));
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 5, reserved: 5 }]);
    const events = await stockEvents(t, sku);
    expect(events.map((e) => e.available)).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('keeps every unit counted when four processes reserve one SKU many times over', async () => {
    const sku = freshSku('BUSY');
    await announceVariant(t, sku, 1_000);
    const contexts = processes();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        reserveStock(contexts[i % 4] as InventoryContext, { reservationId: newId(), lines: [{ sku, quantity: 1 + (i % 3) }] }),
      ),
    );
    const reserved = Array.from({ length: 40 }, (_, i) => 1 + (i % 3)).reduce((sum, n) => sum + n, 0);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 1_000, reserved }]);
    // Each movement's levels after it are exact, in the order the changes were made.
    const movements = await t.database.query<{ reserved_delta: number; reserved_after: number }>(
      `SELECT reserved_delta, reserved_after FROM inventory.stock_movements WHERE sku = $1 AND reason = 'reserve' ORDER BY reserved_after`,
      [sku],
    );
    let running = 0;
    for (const movement of movements) {
      running += Number(movement.reserved_delta);
      expect(Number(movement.reserved_after)).toBe(running);
    }
    expect(running).toBe(reserved);
  });
});

describe('reserveStock from the levels this process last left', () => {
  it('reserves exactly when another process moved the stock since', async () => {
    const sku = freshSku('ELSEWHERE');
    await announceVariant(t, sku, 10);
    expect((await reserve({ reservationId: newId(), lines: [{ sku, quantity: 1 }] })).status).toBe(201);
    // Another process reserves 4 more; this one still remembers reserved = 1.
    await t.database.query('UPDATE inventory.stock SET reserved = reserved + 4 WHERE sku = $1', [sku]);
    expect((await reserve({ reservationId: newId(), lines: [{ sku, quantity: 2 }] })).status).toBe(201);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 10, reserved: 7 }]);
    const events = await stockEvents(t, sku);
    expect(events.map((e) => [e.reserved, e.totalAvailable])).toEqual([
      [0, 10],
      [1, 9],
      [7, 3],
    ]);
    const [movement] = await t.database.query<{ reserved_after: number }>(
      `SELECT reserved_after FROM inventory.stock_movements WHERE sku = $1 AND reason = 'reserve' ORDER BY id DESC LIMIT 1`,
      [sku],
    );
    expect(Number(movement?.reserved_after)).toBe(7);
  });

  it('counts the stock of a warehouse that started to keep the SKU since', async () => {
    const sku = freshSku('NEWSHELF');
    await announceVariant(t, sku, 10);
    expect((await reserve({ reservationId: newId(), lines: [{ sku, quantity: 1 }] })).status).toBe(201);
    // Another process receives 5 units into a second warehouse.
    const warehouseId = newId();
    await t.database.query(`INSERT INTO inventory.warehouses (id, name, is_default, created_at) VALUES ($1, $2, false, now())`, [
      warehouseId,
      `Shelf ${sku}`,
    ]);
    await t.database.query(`INSERT INTO inventory.stock (sku, warehouse_id, on_hand, reserved, updated_at) VALUES ($1, $2, 5, 0, now())`, [
      sku,
      warehouseId,
    ]);
    expect((await reserve({ reservationId: newId(), lines: [{ sku, quantity: 1 }] })).status).toBe(201);
    const last = (await stockEvents(t, sku)).at(-1);
    expect(last?.totalAvailable).toBe(8 + 5);
  });
});
