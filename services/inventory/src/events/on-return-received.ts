import { ReturnReceived } from '@bazar/contracts/events/returns';
import { onEvent } from '@bazar/kit/events/inbox';
import type { InventoryContext } from '../app/context.ts';
import { restockReturn } from '../app/restock-return.ts';

/** return.received → the items marked for restock are back on hand (once per return). */
export const onReturnReceived = (ctx: InventoryContext) =>
  onEvent(ReturnReceived, async (uow, { data }) => {
    await restockReturn(ctx, uow, { returnId: data.returnId, lines: data.lines });
  });
