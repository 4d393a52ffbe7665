import { describe, expect, it } from 'vitest';
import {
  assign,
  claim,
  complete,
  type PickingTask,
  reportShortage,
  resolveShortage,
  scan,
  type TaskStatus,
  taskMachine,
  verify,
} from './picking-task.ts';

const STATES: TaskStatus[] = ['pending', 'assigned', 'picking', 'short', 'packed', 'verified', 'cancelled'];
const ALLOWED = new Set([
  'pending→assigned',
  'pending→cancelled',
  'assigned→assigned',
  'assigned→picking',
  'assigned→short',
  'assigned→cancelled',
  'picking→short',
  'picking→packed',
  'picking→cancelled',
  'short→picking',
  'short→cancelled',
  'packed→verified',
  'packed→picking',
]);

describe('taskMachine', () => {
  for (const from of STATES) {
    for (const to of STATES) {
      const allowed = ALLOWED.has(`${from}→${to}`);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(taskMachine.can(from, to)).toBe(allowed);
        if (!allowed)
          expect(() => taskMachine.assert(from, to)).toThrow(
            expect.objectContaining({ status: 409, code: 'fulfilment.illegal_transition' }),
          );
      });
    }
  }
});

const T0 = new Date('2026-01-01T10:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const ME = 'picker-1';
const task = (patch: Partial<PickingTask> = {}): PickingTask => ({
  id: 'task-1',
  orderId: 'order-1',
  orderNumber: 'B-000001',
  warehouseId: 'w1',
  kind: 'order',
  status: 'pending',
  pickerId: null,
  workerId: null,
  lines: [
    { sku: 'A', barcode: '111', title: 'A', quantity: 2, picked: 0, missing: 0, location: null },
    { sku: 'B', barcode: null, title: 'B', quantity: 1, picked: 0, missing: 0, location: null },
  ],
  note: null,
  createdAt: T0,
  assignedAt: null,
  startedAt: null,
  completedAt: null,
  verifiedAt: null,
  pickSeconds: null,
  ...patch,
});

describe('claim and assign', () => {
  it('gives a waiting task to the first picker; the same picker again changes nothing; another gets 409', () => {
    const claimed = claim(task(), ME, T0).task;
    expect(claimed).toMatchObject({ status: 'assigned', pickerId: ME });
    expect(claim(claimed, ME, later(1)).task).toBe(claimed);
    expect(() => claim(claimed, 'picker-2', later(1))).toThrow(expect.objectContaining({ status: 409, code: 'fulfilment.task_taken' }));
  });

  it('lets an operator reassign before picking starts, not after', () => {
    const assigned = assign(task(), ME, T0).task;
    expect(assign(assigned, 'picker-2', T0).task.pickerId).toBe('picker-2');
    const picking = scan(assigned, ME, 'A', 1, T0).task;
    expect(() => assign(picking, 'picker-2', T0)).toThrow(expect.objectContaining({ status: 409 }));
  });
});

describe('scan', () => {
  const mine = () => claim(task(), ME, T0).task;

  it('counts a barcode or a SKU, and the first scan starts the task', () => {
    const first = scan(mine(), ME, '111', 1, later(5));
    expect(first.events).toEqual([{ type: 'started', at: later(5) }]);
    expect(first.task).toMatchObject({ status: 'picking', startedAt: later(5) });
    const second = scan(first.task, ME, 'B', 1, later(6));
    expect(second.events).toEqual([]);
    expect(second.task.lines.map((l) => l.picked)).toEqual([1, 1]);
  });

  it('refuses a wrong item and one too many with 422, counting nothing', () => {
    const t = scan(mine(), ME, 'A', 2, T0).task;
    expect(() => scan(t, ME, 'ZZZ', 1, T0)).toThrow(expect.objectContaining({ status: 422, code: 'fulfilment.wrong_item' }));
    expect(() => scan(t, ME, '111', 1, T0)).toThrow(expect.objectContaining({ status: 422, code: 'fulfilment.too_many' }));
    expect(t.lines[0]?.picked).toBe(2);
  });

  it('is for the assigned picker only (403)', () => {
    expect(() => scan(mine(), 'picker-2', 'A', 1, T0)).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('complete, verify', () => {
  const picked = () => {
    let t = claim(task(), ME, T0).task;
    t = scan(t, ME, 'A', 2, later(10)).task;
    return scan(t, ME, 'B', 1, later(20)).task;
  };

  it('refuses to complete with lines left (409) and packs when all are picked, timing the pick', () => {
    const partial = scan(claim(task(), ME, T0).task, ME, 'A', 1, T0).task;
    expect(() => complete(partial, ME, T0)).toThrow(expect.objectContaining({ status: 409, code: 'fulfilment.not_all_picked' }));
    const done = complete(picked(), ME, later(70));
    expect(done.task.status).toBe('packed');
    expect(done.events).toEqual([{ type: 'completed', at: later(70), pickSeconds: 60 }]);
  });

  it('lets a controller verify a packed task, or send it back to picking with a note and counts reset', () => {
    const packed = complete(picked(), ME, later(70)).task;
    expect(verify(packed, true, null, later(80)).task.status).toBe('verified');
    const rejected = verify(packed, false, 'wrong colour', later(80));
    expect(rejected.task).toMatchObject({ status: 'picking', note: 'wrong colour' });
    expect(rejected.task.lines.map((l) => l.picked)).toEqual([0, 0]);
    expect(rejected.events).toEqual([{ type: 'rejected', at: later(80), note: 'wrong colour' }]);
    expect(() => verify(picked(), true, null, T0)).toThrow(expect.objectContaining({ status: 409 }));
  });
});

describe('shortage', () => {
  it('waits for the operator, who either waits for stock or removes the missing units', () => {
    const started = scan(claim(task(), ME, T0).task, ME, 'A', 1, T0).task;
    const short = reportShortage(started, ME, 'A', 1, T0).task;
    expect(short.status).toBe('short');
    expect(() => scan(short, ME, 'A', 1, T0)).toThrow(expect.objectContaining({ status: 409 }));
    expect(resolveShortage(short, 'A', 'wait', T0).task).toMatchObject({ status: 'picking' });
    const removed = resolveShortage(short, 'A', 'remove', T0);
    expect(removed.task.lines[0]).toMatchObject({ quantity: 1, picked: 1, missing: 0 });
    expect(removed.events).toEqual([{ type: 'line_removed', at: T0, sku: 'A', quantity: 1 }]);
    expect(() => reportShortage(started, ME, 'A', 2, T0)).toThrow(
      expect.objectContaining({ status: 422, code: 'fulfilment.shortage_too_large' }),
    );
    expect(() => resolveShortage(started, 'A', 'wait', T0)).toThrow(
      expect.objectContaining({ status: 409, code: 'fulfilment.no_shortage' }),
    );
  });
});
