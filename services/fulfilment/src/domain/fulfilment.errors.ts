import { DomainError } from '@bazar/kit/errors';

export const TaskNotFound = (id: string) => new DomainError('fulfilment.task_not_found', 404, `No picking task ${id}`);
export const TaskTaken = (id: string) => new DomainError('fulfilment.task_taken', 409, `Picking task ${id} belongs to another picker`);
export const NotYourTask = (id: string) =>
  new DomainError('fulfilment.not_your_task', 403, `Picking task ${id} is assigned to another picker`);
export const QueueEmpty = () => new DomainError('fulfilment.queue_empty', 404, 'No picking task is waiting');
export const WrongItem = (code: string) =>
  new DomainError('fulfilment.wrong_item', 422, `${code} is not on this picking task; nothing was counted`, { scanned: code });
export const TooMany = (sku: string, quantity: number, picked: number, scanned: number) =>
  new DomainError(
    'fulfilment.too_many',
    422,
    `${sku}: ${quantity} to pick, ${picked} picked, ${scanned} more is too many; nothing was counted`,
    {
      sku,
      quantity,
      picked,
      scanned,
    },
  );
export const NotAllPicked = (lines: { sku: string; quantity: number; picked: number }[]) =>
  new DomainError('fulfilment.not_all_picked', 409, `Not every line is picked: ${lines.map((l) => l.sku).join(', ')}`, { lines });
export const ShortageTooLarge = (sku: string, left: number) =>
  new DomainError('fulfilment.shortage_too_large', 422, `${sku}: only ${left} are left to pick`, { sku, left });
export const NoShortage = (sku: string) => new DomainError('fulfilment.no_shortage', 409, `No shortage is reported for ${sku}`, { sku });
export const NotPickable = (id: string, status: string) =>
  new DomainError('fulfilment.not_pickable', 409, `Picking task ${id} is ${status}: nothing can be scanned now`, { status });
