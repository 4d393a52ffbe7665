import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceVariant, client, freshSku } from '../../test/helpers.ts';
import inventory from '../index.ts';
import { verifyStock } from './verify-stock.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(inventory);
});
afterAll(() => t?.close());

describe('verifyStock', () => {
  it('passes after reservations, releases and commits, and names the SKU of a tampered movement', async () => {
    const sku = freshSku('VERIFY');
    await announceVariant(t, sku, 9);
    const kept = newId();
    await client(t).reserve({ reservationId: kept, lines: [{ sku, quantity: 2 }] });
    const released = newId();
    await client(t).reserve({ reservationId: released, lines: [{ sku, quantity: 3 }] });
    await client(t).release(released);
    const shipped = newId();
    await client(t).reserve({ reservationId: shipped, lines: [{ sku, quantity: 1 }] });
    await client(t).commit(shipped);
    const clean = await verifyStock(t.database);
    expect(clean.violations).toEqual([]);
    expect(clean.ok).toBe(true);

    await t.database.query("UPDATE inventory.stock_movements SET on_hand_delta = on_hand_delta + 1 WHERE sku = $1 AND reason = 'initial'", [
      sku,
    ]);
    await t.database.query("UPDATE inventory.reservations SET status = 'released' WHERE id = $1", [kept]);
    const tampered = await verifyStock(t.database);
    expect(tampered.ok).toBe(false);
    expect(tampered.violations.map((v) => [v.rule, v.sku])).toEqual([
      ['on_hand_is_sum_of_movements', sku],
      ['reserved_is_open_reservations', sku],
    ]);
  });
});

describe('seedDemo', () => {
  it('adds two warehouses with a city and coordinates, once', async () => {
    const first = await inventory.seedDemo?.(t.service.deps);
    const again = await inventory.seedDemo?.(t.service.deps);
    expect(first?.notices).toHaveLength(1);
    expect(again?.notices).toEqual([]);
    const rows = await t.database.query<{ city: string; lat: number }>(
      'SELECT city, lat FROM inventory.warehouses WHERE NOT is_default ORDER BY id',
    );
    expect(rows.map((r) => r.city)).toEqual(['Казань', 'Санкт-Петербург']);
  });
});
