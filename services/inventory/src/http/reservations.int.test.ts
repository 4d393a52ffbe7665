import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceVariant,
  client,
  DEFAULT_WAREHOUSE_ID,
  freshSku,
  internal,
  movementsOf,
  stockEvents,
  stockOf,
} from '../../test/helpers.ts';
import inventory from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(inventory);
});
afterAll(() => t?.close());

const reservations = '/internal/v1/inventory/reservations';

describe('POST /internal/v1/inventory/reservations', () => {
  it('reserves from the default warehouse with 201, raises reserved and publishes stock_changed', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 10);
    const reservationId = newId();
    const orderId = newId();
    const res = await internal(t, 'POST', reservations, { reservationId, orderId, lines: [{ sku, quantity: 3 }] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      reservationId,
      orderId,
      status: 'reserved',
      lines: [{ sku, warehouseId: DEFAULT_WAREHOUSE_ID, quantity: 3 }],
    });
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 10, reserved: 3 }]);
    expect((await stockEvents(t, sku)).at(-1)).toMatchObject({ onHand: 10, reserved: 3, available: 7, totalAvailable: 7 });
    expect(await movementsOf(t, sku)).toEqual([
      { reason: 'initial', onHandDelta: 10, reservedDelta: 0, reservationId: null },
      { reason: 'reserve', onHandDelta: 0, reservedDelta: 3, reservationId },
    ]);
  });

  it('answers a repeat with 200 and the same reservation, reserving nothing twice', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 5);
    const body = { reservationId: newId(), lines: [{ sku, quantity: 2 }] };
    const first = await internal(t, 'POST', reservations, body);
    const again = await internal(t, 'POST', reservations, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 5, reserved: 2 }]);
  });

  it('refuses the same reservationId with other lines with 422 inventory.reservation_mismatch', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 5);
    const reservationId = newId();
    await client(t).reserve({ reservationId, lines: [{ sku, quantity: 1 }] });
    const res = await internal(t, 'POST', reservations, { reservationId, lines: [{ sku, quantity: 2 }] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'inventory.reservation_mismatch' });
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 5, reserved: 1 }]);
  });

  it('is all-or-nothing: 409 inventory.out_of_stock names each short SKU and reserves nothing', async () => {
    const plenty = freshSku('PLENTY');
    const scarce = freshSku('SCARCE');
    await announceVariant(t, plenty, 10);
    await announceVariant(t, scarce, 1);
    const eventsBefore = (await t.outbox()).length;
    const reservationId = newId();
    const res = await internal(t, 'POST', reservations, {
      reservationId,
      lines: [
        { sku: plenty, quantity: 4 },
        { sku: scarce, quantity: 2 },
        { sku: 'NEVER-HEARD-OF', quantity: 1 },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'inventory.out_of_stock',
      items: [
        { sku: 'NEVER-HEARD-OF', requested: 1, available: 0 },
        { sku: scarce, requested: 2, available: 1 },
      ],
    });
    expect(await stockOf(t, plenty)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 10, reserved: 0 }]);
    expect((await t.outbox()).length).toBe(eventsBefore);
    expect((await internal(t, 'GET', `${reservations}/${reservationId}`)).status).toBe(404);
  });

  it('surfaces out_of_stock through the contract client as a 409 DomainError carrying the items', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 1);
    await expect(client(t).reserve({ reservationId: newId(), lines: [{ sku, quantity: 2 }] })).rejects.toMatchObject({
      status: 409,
      code: 'inventory.out_of_stock',
      metadata: { items: [{ sku, requested: 2, available: 1 }] },
    });
  });

  it('rejects bad input with 400 naming the fields', async () => {
    const res = await internal(t, 'POST', reservations, {
      reservationId: 'not-a-uuid',
      lines: [{ sku: '', quantity: 0 }],
      extra: true,
    });
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['extra', 'lines.0.quantity', 'lines.0.sku', 'reservationId']);
    const empty = await internal(t, 'POST', reservations, { reservationId: newId(), lines: [] });
    expect(empty.status).toBe(400);
  });

  it('is for services only: 403 without the internal token, even with a staff token', async () => {
    const token = await t.tokens.issue({ roles: ['admin'] });
    const res = await t.app.inject({
      method: 'POST',
      url: reservations,
      headers: { authorization: `Bearer ${token}` },
      payload: { reservationId: newId(), lines: [{ sku: 'X', quantity: 1 }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.internal_only' });
  });

  it('is hidden from the public OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/internal'))).toEqual([]);
    expect(Object.keys(doc.paths)).toContain('/api/v1/inventory');
  });
});

describe('POST /internal/v1/inventory/reservations/{id}/release', () => {
  it('gives the stock back once; a repeat answers released and changes nothing', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 4);
    const reservationId = newId();
    await client(t).reserve({ reservationId, lines: [{ sku, quantity: 4 }] });
    expect(await client(t).release(reservationId)).toEqual({ reservationId, status: 'released' });
    expect(await client(t).release(reservationId)).toEqual({ reservationId, status: 'released' });
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 0 }]);
    expect((await movementsOf(t, sku)).map((m) => m.reason)).toEqual(['initial', 'reserve', 'release']);
    expect((await stockEvents(t, sku)).at(-1)).toMatchObject({ available: 4, totalAvailable: 4 });
    expect((await internal(t, 'GET', `${reservations}/${reservationId}`)).body).toMatchObject({ status: 'released' });
  });

  it('answers not_found for an unknown id, and a reserve arriving later with that id holds nothing', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 3);
    const reservationId = newId();
    expect(await client(t).release(reservationId)).toEqual({ reservationId, status: 'not_found' });
    expect(await client(t).release(reservationId)).toEqual({ reservationId, status: 'not_found' });
    const late = await internal(t, 'POST', reservations, { reservationId, lines: [{ sku, quantity: 1 }] });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ reservationId, status: 'released', lines: [] });
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 3, reserved: 0 }]);
  });

  it('refuses releasing a committed reservation with 409', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 2);
    const reservationId = newId();
    await client(t).reserve({ reservationId, lines: [{ sku, quantity: 1 }] });
    await client(t).commit(reservationId);
    const res = await internal(t, 'POST', `${reservations}/${reservationId}/release`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'inventory.illegal_transition' });
  });

  it('rejects a malformed id with 400', async () => {
    expect((await internal(t, 'POST', `${reservations}/nope/release`)).status).toBe(400);
  });
});

describe('POST /internal/v1/inventory/reservations/{id}/commit', () => {
  it('ships the goods: on-hand and reserved both drop; a repeat returns the same and changes nothing', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 6);
    const reservationId = newId();
    await client(t).reserve({ reservationId, lines: [{ sku, quantity: 2 }] });
    const committed = await client(t).commit(reservationId);
    expect(committed).toMatchObject({
      reservationId,
      status: 'committed',
      lines: [{ sku, warehouseId: DEFAULT_WAREHOUSE_ID, quantity: 2 }],
    });
    expect(await client(t).commit(reservationId)).toEqual(committed);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 0 }]);
    expect(await movementsOf(t, sku)).toEqual([
      { reason: 'initial', onHandDelta: 6, reservedDelta: 0, reservationId: null },
      { reason: 'reserve', onHandDelta: 0, reservedDelta: 2, reservationId },
      { reason: 'commit', onHandDelta: -2, reservedDelta: -2, reservationId },
    ]);
  });

  it('answers 404 for an unknown reservation and 409 for a released one', async () => {
    const unknown = await internal(t, 'POST', `${reservations}/${newId()}/commit`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'inventory.reservation_not_found' });
    const sku = freshSku();
    await announceVariant(t, sku, 1);
    const reservationId = newId();
    await client(t).reserve({ reservationId, lines: [{ sku, quantity: 1 }] });
    await client(t).release(reservationId);
    const res = await internal(t, 'POST', `${reservations}/${reservationId}/commit`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'inventory.illegal_transition' });
  });
});

describe('GET /internal/v1/inventory/reservations/{id}', () => {
  it('returns the reservation with its lines, and 404 for an unknown id', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 2);
    const reservationId = newId();
    await client(t).reserve({ reservationId, lines: [{ sku, quantity: 2 }] });
    const res = await internal(t, 'GET', `${reservations}/${reservationId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reservationId, status: 'reserved', lines: [{ sku, quantity: 2 }] });
    expect((await internal(t, 'GET', `${reservations}/${newId()}`)).status).toBe(404);
  });
});
