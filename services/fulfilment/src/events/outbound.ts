import {
  FulfilmentPacked,
  PickingTaskCompleted,
  PickingTaskLineRemoved,
  PickingTaskRejected,
  PickingTaskStarted,
  PickingTaskVerified,
} from '@bazar/contracts/events/fulfilment';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { PickingTask, TaskEvent } from '../domain/picking-task.ts';

const facts = (task: PickingTask, at: Date) => ({
  taskId: task.id,
  orderId: task.orderId,
  warehouseId: task.warehouseId,
  kind: task.kind,
  pickerId: task.pickerId,
  at: at.toISOString(),
});

/** The ONLY mapping from a task's domain events to integration events. */
export function toIntegration(task: PickingTask, event: TaskEvent): OutgoingEvent[] {
  switch (event.type) {
    case 'started':
      return [PickingTaskStarted.make(facts(task, event.at))];
    case 'completed':
      return [
        PickingTaskCompleted.make({
          ...facts(task, event.at),
          lines: task.lines.map(({ sku, quantity, picked }) => ({ sku, quantity, picked })),
          pickSeconds: event.pickSeconds,
        }),
      ];
    case 'rejected':
      return [PickingTaskRejected.make({ ...facts(task, event.at), note: event.note })];
    case 'verified':
      return [PickingTaskVerified.make(facts(task, event.at))];
    case 'line_removed':
      // A kit has no order to refund; its request's own issue follows the task's lines.
      return task.kind === 'order'
        ? [PickingTaskLineRemoved.make({ ...facts(task, event.at), sku: event.sku, quantity: event.quantity })]
        : [];
  }
}

/** Every task of the order is packed: the order may leave. */
export const orderPacked = (orderId: string, tasks: PickingTask[], at: Date): OutgoingEvent =>
  FulfilmentPacked.make({
    orderId,
    taskIds: tasks.map((t) => t.id),
    warehouseIds: [...new Set(tasks.map((t) => t.warehouseId))],
    packedAt: at.toISOString(),
  });
