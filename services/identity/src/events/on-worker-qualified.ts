import { WorkerQualified } from '@bazar/contracts/events/workforce';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { IdentityContext } from '../app/context.ts';
import { grantWorkerRole } from '../app/grant-worker-role.ts';

/** Workforce says a user passed a test: they get the role `worker` (their next token carries it). */
export const workerQualifiedHandler = (ctx: IdentityContext): EventHandler =>
  onEvent(WorkerQualified, async (txc, { data }) => {
    await grantWorkerRole(ctx, txc, data.userId);
    ctx.profiles.delete(data.userId);
  });
