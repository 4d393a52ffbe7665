import type { DbOrTx } from '@bazar/kit/db/database';
import { upsertContact } from '../db/recipient-repo.ts';
import type { NotificationsContext } from './context.ts';

/** Keeps what an event says about how to reach a customer (identity's name and e-mail, an order's phone). */
export async function rememberContact(
  ctx: NotificationsContext,
  db: DbOrTx,
  contact: { userId: string; name?: string; email?: string; phone?: string },
): Promise<void> {
  await upsertContact(db, contact, ctx.deps.clock.now());
}
