import { demoWorkerByEmail, ensureDemo, registeredDemoWorkers } from '../db/demo-repo.ts';
import { DEMO_TESTS, DEMO_WORKERS } from '../domain/demo.ts';
import type { WorkforceContext } from './context.ts';
import { qualifyDemoWorker } from './qualify-demo-worker.ts';

/** The demo tests, and the demo workers qualified now if identity's sign-ups came first (else on arrival). */
export async function seedDemo(ctx: WorkforceContext): Promise<string[]> {
  const added = await ctx.deps.uow(({ tx }) => ensureDemo(tx, DEMO_TESTS, DEMO_WORKERS, ctx.deps.clock.now()));
  for (const { userId, email } of await registeredDemoWorkers(ctx.deps.db)) {
    await ctx.deps.uow(async (txc) => {
      const demo = await demoWorkerByEmail(txc.tx, email);
      if (demo) await qualifyDemoWorker(ctx, txc, userId, demo);
    });
  }
  return added > 0 ? [`Demo workers: worker@, worker2@ (Москва), worker3@demo.bazar (Казань), each qualified in one skill`] : [];
}
