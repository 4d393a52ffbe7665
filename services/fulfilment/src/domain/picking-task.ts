import { defineMachine } from '@bazar/kit/machine';
import {
  NoShortage,
  NotAllPicked,
  NotPickable,
  NotYourTask,
  ShortageTooLarge,
  TaskTaken,
  TooMany,
  WrongItem,
} from './fulfilment.errors.ts';

export type TaskStatus = 'pending' | 'assigned' | 'picking' | 'short' | 'packed' | 'verified' | 'cancelled';
export type TaskKind = 'order' | 'kit';

/**
 * A picking task's lifecycle. It waits in the queue, is assigned (or claimed, or reassigned before
 * picking starts), is picked from the first scan, may stop short of stock until an operator
 * resolves it, and is packed once every line is picked. A controller's check ends it (verified) or
 * sends it back to picking; an order cancelled before packing cancels its tasks.
 */
export const taskMachine = defineMachine<TaskStatus>(
  {
    pending: ['assigned', 'cancelled'],
    assigned: ['assigned', 'picking', 'short', 'cancelled'],
    picking: ['short', 'packed', 'cancelled'],
    short: ['picking', 'cancelled'],
    packed: ['verified', 'picking'],
    verified: [],
    cancelled: [],
  },
  'fulfilment.illegal_transition',
);

export interface TaskLine {
  sku: string;
  barcode: string | null;
  title: string;
  quantity: number;
  picked: number;
  /** Units the picker could not find, waiting for the operator. */
  missing: number;
  location: string | null;
}

export interface PickingTask {
  id: string;
  orderId: string;
  orderNumber: string;
  warehouseId: string;
  kind: TaskKind;
  status: TaskStatus;
  pickerId: string | null;
  /** A kit's worker (who takes the materials to the job); null for an order's task. */
  workerId: string | null;
  lines: TaskLine[];
  note: string | null;
  createdAt: Date;
  assignedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  verifiedAt: Date | null;
  /** Seconds from the first scan to completion (for analytics). */
  pickSeconds: number | null;
}

/** What happened to a task, for the outbound mapping (events/outbound.ts). */
export type TaskEvent =
  | { type: 'started' | 'verified'; at: Date }
  | { type: 'completed'; at: Date; pickSeconds: number }
  | { type: 'rejected'; at: Date; note: string }
  | { type: 'line_removed'; at: Date; sku: string; quantity: number };

type Change = { task: PickingTask; events: TaskEvent[] };

const move = (task: PickingTask, to: TaskStatus, patch: Partial<PickingTask> = {}): PickingTask => {
  taskMachine.assert(task.status, to);
  return { ...task, ...patch, status: to };
};

/** An operator gives the task to a picker (again, before picking starts). */
export function assign(task: PickingTask, pickerId: string, at: Date): Change {
  if (task.status === 'assigned' && task.pickerId === pickerId) return { task, events: [] };
  return { task: move(task, 'assigned', { pickerId, assignedAt: at }), events: [] };
}

/** What a picker's claim sets on a waiting task (the queue applies it to its oldest one in the same statement that picks it). */
export const claimedBy = (pickerId: string, at: Date) => {
  taskMachine.assert('pending', 'assigned');
  return { status: 'assigned' as const, pickerId, assignedAt: at };
};

/** A picker takes a waiting task; taking one's own task again changes nothing, another's is 409. */
export function claim(task: PickingTask, pickerId: string, at: Date): Change {
  if (task.pickerId === pickerId && task.status !== 'pending') return { task, events: [] };
  if (task.status !== 'pending') throw TaskTaken(task.id);
  return { task: { ...task, ...claimedBy(pickerId, at) }, events: [] };
}

const mustBeMine = (task: PickingTask, pickerId: string) => {
  if (task.pickerId !== pickerId) throw NotYourTask(task.id);
};

/** The line a scanned code names: its barcode, else its SKU. */
export const lineFor = (task: PickingTask, code: string) =>
  task.lines.find((l) => l.barcode === code) ?? task.lines.find((l) => l.sku === code);

/**
 * A picker scanned `quantity` units of `code` (barcode or SKU). A code not on the task or more than
 * is left to pick is refused (422) and counts nothing. The first scan starts the task.
 */
export function scan(task: PickingTask, pickerId: string, code: string, quantity: number, at: Date): Change {
  mustBeMine(task, pickerId);
  if (task.status !== 'assigned' && task.status !== 'picking') throw NotPickable(task.id, task.status);
  const line = lineFor(task, code);
  if (!line) throw WrongItem(code);
  if (line.picked + quantity > line.quantity - line.missing) throw TooMany(line.sku, line.quantity - line.missing, line.picked, quantity);
  const lines = task.lines.map((l) => (l === line ? { ...l, picked: l.picked + quantity } : l));
  if (task.status === 'picking') return { task: { ...task, lines }, events: [] };
  return { task: move(task, 'picking', { lines, startedAt: at }), events: [{ type: 'started', at }] };
}

/** Every line picked: the task is packed (refused with 409 while any is short of its quantity). */
export function complete(task: PickingTask, pickerId: string, at: Date): Change {
  mustBeMine(task, pickerId);
  if (task.status === 'packed' || task.status === 'verified') return { task, events: [] };
  const open = task.lines.filter((l) => l.picked < l.quantity).map(({ sku, quantity, picked }) => ({ sku, quantity, picked }));
  if (open.length > 0) throw NotAllPicked(open);
  const started = task.startedAt ?? at;
  const pickSeconds = Math.max(0, Math.round((at.getTime() - started.getTime()) / 1000));
  return { task: move(task, 'packed', { completedAt: at, pickSeconds }), events: [{ type: 'completed', at, pickSeconds }] };
}

/** The picker cannot find `missing` units of a line: the task waits for the operator. */
export function reportShortage(task: PickingTask, pickerId: string, sku: string, missing: number, at: Date): Change {
  mustBeMine(task, pickerId);
  const line = lineFor(task, sku);
  if (!line) throw WrongItem(sku);
  const left = line.quantity - line.picked;
  if (missing > left) throw ShortageTooLarge(line.sku, left);
  const lines = task.lines.map((l) => (l === line ? { ...l, missing } : l));
  return { task: move(task, 'short', { lines, startedAt: task.startedAt ?? at }), events: [] };
}

/**
 * The operator resolves a shortage: `wait` (stock will come; picking goes on) or `remove` (the
 * missing units leave the task, and the order is told so it can refund them).
 */
export function resolveShortage(task: PickingTask, sku: string, action: 'wait' | 'remove', at: Date): Change {
  const line = lineFor(task, sku);
  if (!line || line.missing === 0) throw NoShortage(sku);
  const removed = action === 'remove' ? line.missing : 0;
  const lines = task.lines.map((l) => (l === line ? { ...l, quantity: l.quantity - removed, missing: 0 } : l));
  const stillShort = lines.some((l) => l.missing > 0);
  const next = stillShort ? { ...task, lines } : move(task, 'picking', { lines });
  return { task: next, events: removed > 0 ? [{ type: 'line_removed', at, sku: line.sku, quantity: removed }] : [] };
}

/** A controller's check of a packed task: right (verified), or back to picking with a note and every count reset. */
export function verify(task: PickingTask, ok: boolean, note: string | null, at: Date): Change {
  if (ok) return { task: move(task, 'verified', { verifiedAt: at, note }), events: [{ type: 'verified', at }] };
  const reason = note ?? 'rejected by the controller';
  const lines = task.lines.map((l) => ({ ...l, picked: 0 }));
  return {
    task: move(task, 'picking', { lines, note: reason, completedAt: null, startedAt: at }),
    events: [{ type: 'rejected', at, note: reason }],
  };
}

/** The order was cancelled before packing: its open task stops. */
export function cancel(task: PickingTask): Change {
  if (task.status === 'cancelled') return { task, events: [] };
  return { task: move(task, 'cancelled'), events: [] };
}

/** True once a task needs nothing more from pickers (its order may be packed). */
export const isDone = (task: Pick<PickingTask, 'status'>) =>
  task.status === 'packed' || task.status === 'verified' || task.status === 'cancelled';
