import { inventoryClient } from '@bazar/contracts/clients/inventory';
import { VariantCreated } from '@bazar/contracts/events/catalog';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';

/** The default warehouse the migration creates. */
export const DEFAULT_WAREHOUSE_ID = '01900000-0000-7000-8000-000000000001';

let skuCounter = 0;
/** A SKU no other test in the file uses. */
export const freshSku = (prefix = 'SKU') => `${prefix}-${++skuCounter}-${newId().slice(-6)}`;

/** Announces a variant the way catalog does, through the bus; resolves once inventory handled it. */
export async function announceVariant(t: TestService, sku: string, initialStock: number, eventId?: string) {
  const event = envelope(
    VariantCreated.make({
      productId: newId(),
      variantId: newId(),
      sku,
      barcode: null,
      title: `Variant ${sku}`,
      price: { amount: 10_000, currency: 'RUB' },
      initialStock,
      createdAt: new Date().toISOString(),
    }),
    'catalog',
  );
  const sent = eventId ? { ...event, id: eventId } : event;
  await t.bus.publish(sent);
  return sent;
}

/** The contract's typed client over the in-process transport (carries the internal token). */
export const client = (t: TestService) => inventoryClient(t.service.deps.clients.to('inventory'));

/** Raw internal call, for status codes the typed client turns into errors. */
export const internal = (t: TestService, method: 'GET' | 'POST', path: string, body?: unknown) =>
  t.service.deps.clients.to('inventory').call<Record<string, unknown>>({ method, path, ...(body === undefined ? {} : { body }) });

/** Stock rows of a SKU straight from the database, by warehouse. */
export async function stockOf(t: TestService, sku: string) {
  const rows = await t.database.query<{ warehouse_id: string; on_hand: number; reserved: number }>(
    'SELECT warehouse_id, on_hand, reserved FROM inventory.stock WHERE sku = $1 ORDER BY warehouse_id',
    [sku],
  );
  return rows.map((r) => ({ warehouseId: r.warehouse_id, onHand: Number(r.on_hand), reserved: Number(r.reserved) }));
}

/** Ledger rows of a SKU, oldest first. */
export async function movementsOf(t: TestService, sku: string) {
  const rows = await t.database.query<{ reason: string; on_hand_delta: number; reserved_delta: number; reservation_id: string | null }>(
    'SELECT reason, on_hand_delta, reserved_delta, reservation_id FROM inventory.stock_movements WHERE sku = $1 ORDER BY id',
    [sku],
  );
  return rows.map((r) => ({
    reason: r.reason,
    onHandDelta: Number(r.on_hand_delta),
    reservedDelta: Number(r.reserved_delta),
    reservationId: r.reservation_id,
  }));
}

/** `inventory.stock_changed` payloads in the outbox for a SKU, oldest first. */
export async function stockEvents(t: TestService, sku: string) {
  return (await t.outbox('inventory'))
    .filter((e) => e.type === 'inventory.stock_changed' && (e.data as { sku: string }).sku === sku)
    .map((e) => e.data as { warehouseId: string; onHand: number; reserved: number; available: number; totalAvailable: number });
}
