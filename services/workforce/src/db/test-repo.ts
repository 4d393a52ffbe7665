import type { DbOrTx } from '@bazar/kit/db/database';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { QualificationTest } from '../domain/qualification-test.ts';
import { attempts, candidates, people, tests } from './schema.ts';

type TestRow = typeof tests.$inferSelect;
export type StoredTest = QualificationTest & { createdAt: Date; updatedAt: Date };
const testOf = (row: TestRow): StoredTest => ({
  id: row.id,
  skill: row.skill,
  title: row.title,
  passScore: row.passScore,
  timeLimitMinutes: row.timeLimitMinutes,
  questions: row.questions,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export async function insertTest(tx: DbOrTx, test: QualificationTest, createdBy: string | null, at: Date): Promise<StoredTest> {
  const [row] = await tx
    .insert(tests)
    .values({ ...test, createdBy, createdAt: at, updatedAt: at })
    .returning();
  return testOf(row as TestRow);
}

export async function updateTest(tx: DbOrTx, id: string, changes: Partial<Omit<QualificationTest, 'id'>>, at: Date) {
  const [row] = await tx
    .update(tests)
    .set({ ...changes, updatedAt: at })
    .where(eq(tests.id, id))
    .returning();
  return row ? testOf(row) : undefined;
}

export async function findTest(db: DbOrTx, id: string): Promise<StoredTest | undefined> {
  const [row] = await db.select().from(tests).where(eq(tests.id, id));
  return row ? testOf(row) : undefined;
}

export async function findTestBySkill(db: DbOrTx, skill: string): Promise<StoredTest | undefined> {
  const [row] = await db.select().from(tests).where(eq(tests.skill, skill)).limit(1);
  return row ? testOf(row) : undefined;
}

export async function listTests(db: DbOrTx): Promise<StoredTest[]> {
  return (await db.select().from(tests).orderBy(tests.skill, tests.id)).map(testOf);
}

export type AttemptRow = typeof attempts.$inferSelect;

/** The candidate's row for a test, created if new and locked: their attempts at it take turns. */
export async function lockCandidate(tx: DbOrTx, testId: string, userId: string) {
  await tx.insert(candidates).values({ testId, userId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.testId, testId), eq(candidates.userId, userId)))
    .for('update');
  return row;
}

/** The candidate's attempts at a test, newest first. */
export async function attemptsOf(db: DbOrTx, testId: string, userId: string): Promise<AttemptRow[]> {
  return db
    .select()
    .from(attempts)
    .where(and(eq(attempts.testId, testId), eq(attempts.userId, userId)))
    .orderBy(desc(attempts.id));
}

export async function insertAttempt(tx: DbOrTx, attempt: typeof attempts.$inferInsert): Promise<void> {
  await tx.insert(attempts).values(attempt);
  await tx
    .update(candidates)
    .set({ lastAttemptId: attempt.id })
    .where(and(eq(candidates.testId, attempt.testId), eq(candidates.userId, attempt.userId)));
}

export async function lockAttempt(tx: DbOrTx, id: string): Promise<AttemptRow | undefined> {
  const [row] = await tx.select().from(attempts).where(eq(attempts.id, id)).for('update');
  return row;
}

export async function findAttempt(db: DbOrTx, id: string): Promise<AttemptRow | undefined> {
  const [row] = await db.select().from(attempts).where(eq(attempts.id, id));
  return row;
}

export async function recordSubmission(tx: DbOrTx, id: string, result: { answers: number[][]; score: number; passed: boolean; at: Date }) {
  await tx
    .update(attempts)
    .set({ answers: result.answers, score: result.score, passed: result.passed, submittedAt: result.at })
    .where(eq(attempts.id, id));
}

/** Every attempt at a test with the candidate's name, newest first. */
export async function attemptResults(db: DbOrTx, testId: string, beforeId: string | undefined, limit: number) {
  return db
    .select({
      id: attempts.id,
      userId: attempts.userId,
      name: people.name,
      startedAt: attempts.startedAt,
      expiresAt: attempts.expiresAt,
      submittedAt: attempts.submittedAt,
      score: attempts.score,
      passed: attempts.passed,
    })
    .from(attempts)
    .leftJoin(people, eq(people.userId, attempts.userId))
    .where(and(eq(attempts.testId, testId), beforeId ? lt(attempts.id, beforeId) : undefined))
    .orderBy(desc(attempts.id))
    .limit(limit);
}
