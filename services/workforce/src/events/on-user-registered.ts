import { UserRegistered } from '@bazar/contracts/events/identity';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { WorkforceContext } from '../app/context.ts';
import { qualifyDemoWorker } from '../app/qualify-demo-worker.ts';
import { demoWorkerByEmail } from '../db/demo-repo.ts';
import { rememberPerson } from '../db/worker-repo.ts';

/** Names for the workers list; a demo worker's sign-up also qualifies them. */
export const userRegisteredHandler = (ctx: WorkforceContext): EventHandler =>
  onEvent(UserRegistered, async (txc, { data }) => {
    await rememberPerson(txc.tx, { userId: data.userId, name: data.name, email: data.email });
    const demo = await demoWorkerByEmail(txc.tx, data.email);
    if (demo) await qualifyDemoWorker(ctx, txc, data.userId, demo);
  });
