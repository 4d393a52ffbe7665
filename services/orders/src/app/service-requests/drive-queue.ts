import type { Tx } from '@bazar/kit/db/database';
import type { OrdersContext } from '../context.ts';

/** The job that does a request's next call to another service (equip, issue, return, void): retried until done. */
export const DRIVE_QUEUE = 'orders.drive_service_request';

/** Sends the drive job in the caller's transaction, so it exists exactly when the change it follows commits. */
export const sendDrive = (ctx: OrdersContext, tx: Tx, requestId: string) => ctx.deps.jobs.send(DRIVE_QUEUE, { requestId }, { tx });
