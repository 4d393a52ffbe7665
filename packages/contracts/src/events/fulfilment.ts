import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Timestamp, Uuid } from '../common.ts';

const TaskLine = Type.Object({ sku: Type.String(), quantity: Type.Integer({ minimum: 0 }), picked: Type.Integer({ minimum: 0 }) });

const TaskFacts = {
  taskId: Uuid,
  orderId: Uuid,
  warehouseId: Uuid,
  kind: Type.Union([Type.Literal('order'), Type.Literal('kit')]),
  pickerId: Type.Union([Uuid, Type.Null()]),
  at: Timestamp,
};

/** A picker started a task (its first scan): the order is being picked. */
export const PickingTaskStarted = defineEvent('picking_task.started', 1, Type.Object(TaskFacts));

/** A task's lines are all picked and packed; `pickSeconds` runs from its first scan to completion. */
export const PickingTaskCompleted = defineEvent(
  'picking_task.completed',
  1,
  Type.Object({ ...TaskFacts, lines: Type.Array(TaskLine), pickSeconds: Type.Integer({ minimum: 0 }) }),
);

/** A controller sent a packed task back to picking, with a note. */
export const PickingTaskRejected = defineEvent('picking_task.rejected', 1, Type.Object({ ...TaskFacts, note: Type.String() }));

/** A controller checked a packed task and found it right. */
export const PickingTaskVerified = defineEvent('picking_task.verified', 1, Type.Object(TaskFacts));

/** Every picking task of an order is packed: the order is `packed` and its reserved stock leaves. */
export const FulfilmentPacked = defineEvent(
  'fulfilment.packed',
  1,
  Type.Object({ orderId: Uuid, taskIds: Type.Array(Uuid), warehouseIds: Type.Array(Uuid), packedAt: Timestamp }),
);

/**
 * An operator removed units the picker could not find from an order's task: orders re-totals the
 * order and refunds exactly those units; inventory gives their reservation back.
 */
export const PickingTaskLineRemoved = defineEvent(
  'picking_task.line_removed',
  1,
  Type.Object({ ...TaskFacts, sku: Type.String(), quantity: Type.Integer({ minimum: 1 }) }),
);
