import type { TxContext } from '@bazar/kit/events/outbox';
import { type DemoWorker, insertPassedAttempt } from '../db/demo-repo.ts';
import { findTestBySkill } from '../db/test-repo.ts';
import { addSkill, findWorker } from '../db/worker-repo.ts';
import { workerQualified } from '../events/outbound.ts';
import type { WorkforceContext } from './context.ts';

/** A demo worker passes their skill's test, gets a profile in their city and (by event) the role. */
export async function qualifyDemoWorker(ctx: WorkforceContext, { tx, publish }: TxContext, userId: string, demo: DemoWorker) {
  if (await findWorker(tx, userId)) return false;
  const test = await findTestBySkill(tx, demo.skill);
  if (!test) return false;
  const now = ctx.deps.clock.now();
  await insertPassedAttempt(tx, { id: ctx.deps.ids.next(), testId: test.id, userId, questions: test.questions, at: now });
  await addSkill(tx, userId, demo.skill, now, { city: demo.city, lat: demo.lat, lon: demo.lon });
  await publish(workerQualified(userId, demo.skill));
  return true;
}
