import { ServiceRequestClosed } from '@bazar/contracts/events/orders';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelledOrder, paidOrder, variant } from '../../test/helpers.ts';
import fulfilment from '../index.ts';

let t: TestService;
let operator: string;
let controller: string;
let customer: string;
const pickerIds = Array.from({ length: 20 }, () => newId());
let pickers: string[];
beforeAll(async () => {
  t = await startTestService(fulfilment);
  operator = await t.tokens.issue({ roles: ['operator'] });
  controller = await t.tokens.issue({ roles: ['controller'] });
  customer = await t.tokens.issue({ roles: ['customer'] });
  pickers = await Promise.all(pickerIds.map((id) => t.tokens.issue({ id, roles: ['picker'] })));
});
afterAll(() => t?.close());

const call = async (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) => {
  const res = await t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
};
const sku = () => `SKU-${newId().slice(-10)}`;
const tasksOf = async (orderId: string) => (await call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, operator)).body.items;
const published = async (type: string, orderId: string) =>
  (await t.outbox('fulfilment')).filter((e) => e.type === type && (e.data as { orderId: string }).orderId === orderId);

describe('tasks from paid orders', () => {
  it('makes one task for an order served by one warehouse, with barcodes from the catalog, whatever order the events come in', async () => {
    const a = sku();
    await variant(t, a, `46${newId().slice(-10)}`);
    const w = newId();
    for (const allocationFirst of [false, true]) {
      const { orderId, paid, allocated } = await paidOrder(t, [{ sku: a, warehouseId: w, quantity: 2 }], { allocationFirst });
      await t.bus.publish(paid);
      await t.bus.publish(allocated);
      const tasks = await tasksOf(orderId);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        orderId,
        warehouseId: w,
        kind: 'order',
        status: 'pending',
        pickerId: null,
        lines: [{ sku: a, title: `Товар ${a}`, quantity: 2, picked: 0, barcode: expect.stringMatching(/^46/) }],
      });
    }
  });

  it('makes one task per warehouse for a split order, and packs the order only when both are packed', async () => {
    const [a, b] = [sku(), sku()];
    const [w1, w2] = [newId(), newId()].sort();
    const { orderId } = await paidOrder(t, [
      { sku: a, warehouseId: w1 as string, quantity: 1 },
      { sku: b, warehouseId: w2 as string, quantity: 1 },
    ]);
    const tasks = await tasksOf(orderId);
    expect(tasks.map((x: { warehouseId: string }) => x.warehouseId)).toEqual([w1, w2]);
    const [first, second] = tasks as { id: string; lines: { sku: string }[] }[];
    for (const [i, task] of [first, second].entries()) {
      const token = pickers[i] as string;
      expect((await call('POST', `/api/v1/picking/tasks/${task?.id}/claim`, token)).status).toBe(200);
      expect((await call('POST', `/api/v1/picking/tasks/${task?.id}/scan`, token, { code: task?.lines[0]?.sku })).status).toBe(200);
      const done = await call('POST', `/api/v1/picking/tasks/${task?.id}/complete`, token);
      expect(done.body.status).toBe('packed');
      expect(await published('fulfilment.packed', orderId)).toHaveLength(i === 0 ? 0 : 1);
    }
    expect((await published('picking_task.started', orderId)).length).toBe(2);
    expect((await published('picking_task.completed', orderId))[0]?.data).toMatchObject({ pickSeconds: expect.any(Number) });
  });
});

describe('claiming', () => {
  it('gives each of 10 tasks to exactly one of 20 racing pickers', async () => {
    const w = newId();
    for (let i = 0; i < 10; i++) await paidOrder(t, [{ sku: sku(), warehouseId: w, quantity: 1 }]);
    const results = await Promise.all(pickers.map((token) => call('POST', '/api/v1/picking/tasks/claim', token, { warehouseId: w })));
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(10);
    expect(new Set(won.map((r) => r.body.id)).size).toBe(10);
    expect(results.filter((r) => r.status === 404).every((r) => r.body.code === 'fulfilment.queue_empty')).toBe(true);
    const listed = (await call('GET', `/api/v1/picking/tasks?warehouseId=${w}&limit=100`, operator)).body.items as {
      pickerId: string;
      status: string;
    }[];
    expect(listed.every((x) => x.status === 'assigned')).toBe(true);
    expect(new Set(listed.map((x) => x.pickerId)).size).toBe(10);
  });

  it('lets one of two pickers racing for the same task have it; the other gets 409', async () => {
    const { orderId } = await paidOrder(t, [{ sku: sku(), warehouseId: newId(), quantity: 1 }]);
    const [task] = await tasksOf(orderId);
    const results = await Promise.all(pickers.slice(0, 2).map((token) => call('POST', `/api/v1/picking/tasks/${task.id}/claim`, token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('lets an operator assign, and shows a picker only their own tasks with mine=true', async () => {
    const { orderId } = await paidOrder(t, [{ sku: sku(), warehouseId: newId(), quantity: 1 }]);
    const [task] = await tasksOf(orderId);
    const assigned = await call('POST', `/api/v1/picking/tasks/${task.id}/assign`, operator, { pickerId: pickerIds[5] });
    expect(assigned.body).toMatchObject({ status: 'assigned', pickerId: pickerIds[5] });
    const mine = (await call('GET', '/api/v1/picking/tasks?mine=true&limit=100', pickers[5])).body.items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(task.id);
    expect(mine.every((x: { pickerId: string }) => x.pickerId === pickerIds[5])).toBe(true);
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/assign`, pickers[0], { pickerId: pickerIds[0] })).status).toBe(403);
  });
});

describe('scanning and completing', () => {
  async function claimed(quantity = 2) {
    const a = sku();
    const barcode = `46${newId().slice(-10)}`;
    await variant(t, a, barcode);
    const { orderId } = await paidOrder(t, [{ sku: a, warehouseId: newId(), quantity }]);
    const [task] = await tasksOf(orderId);
    const token = pickers[7] as string;
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/claim`, token)).status).toBe(200);
    return { id: task.id as string, orderId, sku: a, barcode, token };
  }

  it('refuses a wrong item and one too many with 422 and counts nothing', async () => {
    const task = await claimed(2);
    const wrong = await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: '0000000000000' });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'fulfilment.wrong_item' } });
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.barcode })).body.lines[0].picked).toBe(1);
    const tooMany = await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.sku, quantity: 2 });
    expect(tooMany).toMatchObject({ status: 422, body: { code: 'fulfilment.too_many' } });
    const now = await call('GET', `/api/v1/picking/tasks/${task.id}`, task.token);
    expect(now.body.lines[0].picked).toBe(1);
    expect(now.body.status).toBe('picking');
  });

  it('counts the same scan id once', async () => {
    const task = await claimed(3);
    const scanId = newId();
    await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.barcode, scanId });
    const again = await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.barcode, scanId });
    expect(again.status).toBe(200);
    expect(again.body.lines[0].picked).toBe(1);
  });

  it('counts racing scans of one line exactly: a scan id sent twice at once counts once, those past its quantity are 422', async () => {
    const task = await claimed(8);
    const scan = (scanId: string) => call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.barcode, scanId });
    const picked = async () => (await call('GET', `/api/v1/picking/tasks/${task.id}`, task.token)).body.lines[0].picked;
    const twice = newId();
    const first = await Promise.all([twice, twice, ...Array.from({ length: 5 }, () => newId())].map(scan));
    expect(first.map((a) => a.status)).toEqual(Array(7).fill(200));
    expect(await picked()).toBe(6);
    const last = await Promise.all(Array.from({ length: 4 }, () => scan(newId())));
    expect(last.map((a) => a.status).sort()).toEqual([200, 200, 422, 422]);
    expect(last.filter((a) => a.status === 422).every((a) => a.body.code === 'fulfilment.too_many')).toBe(true);
    expect(await picked()).toBe(8);
    expect(await published('picking_task.started', task.orderId)).toHaveLength(1);
  });

  it('counts from the row, not from what this process wrote last, when another process changed the task meanwhile', async () => {
    const task = await claimed(3);
    const scan = () => call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.barcode });
    expect((await scan()).body.lines[0].picked).toBe(1);
    // Another process's scan, straight to the row.
    await t.database.query(
      `UPDATE fulfilment.picking_tasks SET lines = jsonb_set(lines, '{0,picked}', '2'), updated_at = now() + interval '1 second' WHERE id = $1`,
      [task.id],
    );
    expect((await scan()).body.lines[0].picked).toBe(3);
    expect((await scan()).body.code).toBe('fulfilment.too_many');
  });

  it('refuses completing with lines left (409), packs when all are picked, and only the assigned picker may scan (403)', async () => {
    const task = await claimed(1);
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, pickers[8], { code: task.sku })).status).toBe(403);
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/complete`, task.token)).body.code).toBe('fulfilment.not_all_picked');
    await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.sku });
    const done = await call('POST', `/api/v1/picking/tasks/${task.id}/complete`, task.token);
    expect(done.body).toMatchObject({ status: 'packed', pickSeconds: expect.any(Number), completedAt: expect.any(String) });
    expect(await published('fulfilment.packed', task.orderId)).toHaveLength(1);
  });

  it('lets a controller verify a packed task, or send it back to picking with a note', async () => {
    const ok = await claimed(1);
    await call('POST', `/api/v1/picking/tasks/${ok.id}/scan`, ok.token, { code: ok.sku });
    await call('POST', `/api/v1/picking/tasks/${ok.id}/complete`, ok.token);
    expect((await call('POST', `/api/v1/picking/tasks/${ok.id}/verify`, controller, { ok: true })).body.status).toBe('verified');
    const bad = await claimed(1);
    await call('POST', `/api/v1/picking/tasks/${bad.id}/scan`, bad.token, { code: bad.sku });
    expect((await call('POST', `/api/v1/picking/tasks/${bad.id}/verify`, controller, { ok: true })).status).toBe(409);
    await call('POST', `/api/v1/picking/tasks/${bad.id}/complete`, bad.token);
    const rejected = await call('POST', `/api/v1/picking/tasks/${bad.id}/verify`, controller, { ok: false, note: 'dented box' });
    expect(rejected.body).toMatchObject({ status: 'picking', note: 'dented box', lines: [{ picked: 0 }] });
    expect((await published('picking_task.rejected', bad.orderId))[0]?.data).toMatchObject({ note: 'dented box' });
    expect((await call('POST', `/api/v1/picking/tasks/${bad.id}/verify`, bad.token, { ok: true })).status).toBe(403);
  });

  it('puts a shortage to the operator, who waits for stock or removes the missing units', async () => {
    const task = await claimed(3);
    await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, task.token, { code: task.sku });
    const short = await call('POST', `/api/v1/picking/tasks/${task.id}/shortage`, task.token, { sku: task.sku, missing: 2 });
    expect(short.body).toMatchObject({ status: 'short', lines: [{ missing: 2 }] });
    const removed = await call('POST', `/api/v1/picking/tasks/${task.id}/shortage/resolve`, operator, { sku: task.sku, action: 'remove' });
    expect(removed.body).toMatchObject({ status: 'picking', lines: [{ quantity: 1, picked: 1, missing: 0 }] });
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/complete`, task.token)).body.status).toBe('packed');
  });
});

describe('cancellations and access', () => {
  it('cancels the open tasks of a cancelled order and makes none for it later', async () => {
    const { orderId } = await paidOrder(t, [{ sku: sku(), warehouseId: newId(), quantity: 1 }]);
    await cancelledOrder(t, orderId);
    expect((await tasksOf(orderId)).map((x: { status: string }) => x.status)).toEqual(['cancelled']);
  });

  it('withdraws the kit of a service request cancelled or unmatched, whichever comes first, and keeps a completed one', async () => {
    const closed = (requestId: string, status: 'cancelled' | 'unmatched' | 'completed') =>
      t.bus.publish(envelope(ServiceRequestClosed.make({ requestId, status }), 'orders'));
    const kit = async (requestId: string) => {
      const res = await call('POST', '/api/v1/picking/kit-tasks', operator, {
        requestId,
        number: `S-${requestId.slice(-6)}`,
        warehouseId: newId(),
        workerId: newId(),
        materials: [{ sku: sku(), quantity: 1 }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const statuses = async (requestId: string) => (await tasksOf(requestId)).map((x: { status: string }) => x.status);
    const [queued, unmatched, late, done] = [newId(), newId(), newId(), newId()];
    await kit(queued);
    await kit(unmatched);
    await kit(done);
    await closed(queued, 'cancelled');
    await closed(unmatched, 'unmatched');
    await closed(done, 'completed');
    await closed(late, 'cancelled');
    expect((await kit(late)).status).toBe('cancelled');
    expect([await statuses(queued), await statuses(unmatched), await statuses(late), await statuses(done)]).toEqual([
      ['cancelled'],
      ['cancelled'],
      ['cancelled'],
      ['pending'],
    ]);
  });

  it('answers 401 without a token, 403 to customers, 404 for unknown tasks and 400 for bad bodies', async () => {
    expect((await call('GET', '/api/v1/picking/tasks')).status).toBe(401);
    expect((await call('GET', '/api/v1/picking/tasks', customer)).status).toBe(403);
    expect((await call('POST', `/api/v1/picking/tasks/${newId()}/scan`, customer, { nonsense: 1 })).status).toBe(403);
    expect((await call('POST', `/api/v1/picking/tasks/${newId()}/claim`, pickers[0])).status).toBe(404);
    const bad = await call('POST', `/api/v1/picking/tasks/${newId()}/scan`, pickers[0], { code: '', quantity: 0 });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual(['code', 'quantity']);
    expect((await call('GET', '/api/v1/picking/tasks?status=lost', operator)).status).toBe(400);
  });
});
