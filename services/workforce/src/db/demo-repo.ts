import type { DbOrTx } from '@bazar/kit/db/database';
import { eq } from 'drizzle-orm';
import type { QualificationTest } from '../domain/qualification-test.ts';
import { attempts, demoWorkers, people, tests } from './schema.ts';

export type DemoWorker = typeof demoWorkers.$inferSelect;

/** Adds the demo tests and expected demo workers once (fixed keys, so a restart adds nothing). */
export async function ensureDemo(tx: DbOrTx, demoTests: QualificationTest[], workers: DemoWorker[], at: Date): Promise<number> {
  const added = await tx
    .insert(tests)
    .values(demoTests.map((t) => ({ ...t, createdBy: null, createdAt: at, updatedAt: at })))
    .onConflictDoNothing()
    .returning({ id: tests.id });
  await tx.insert(demoWorkers).values(workers).onConflictDoNothing();
  return added.length;
}

export async function demoWorkerByEmail(db: DbOrTx, email: string): Promise<DemoWorker | undefined> {
  const [row] = await db.select().from(demoWorkers).where(eq(demoWorkers.email, email));
  return row;
}

/** Demo workers whose sign-up workforce has already heard of. */
export async function registeredDemoWorkers(db: DbOrTx) {
  return db
    .select({ userId: people.userId, email: demoWorkers.email })
    .from(demoWorkers)
    .innerJoin(people, eq(people.email, demoWorkers.email));
}

/** A passed attempt recorded for a demo worker, so managers' results show how they qualified. */
export async function insertPassedAttempt(
  tx: DbOrTx,
  attempt: { id: string; testId: string; userId: string; questions: QualificationTest['questions']; at: Date },
) {
  await tx.insert(attempts).values({
    id: attempt.id,
    testId: attempt.testId,
    userId: attempt.userId,
    startedAt: attempt.at,
    expiresAt: attempt.at,
    submittedAt: attempt.at,
    questions: attempt.questions,
    answers: attempt.questions.map((q) => q.correct),
    score: 100,
    passed: true,
  });
}
