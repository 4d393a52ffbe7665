import type { DbOrTx } from '@bazar/kit/db/database';
import { and, arrayContains, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { people, ratings, workers } from './schema.ts';

export type WorkerRow = typeof workers.$inferSelect;
export type WorkerWithName = WorkerRow & { name: string | null };

/** Creates the profile on a first pass, or adds the skill to an existing one; answers whether the skill is new. */
export async function addSkill(tx: DbOrTx, userId: string, skill: string, at: Date, place?: { city: string; lat: number; lon: number }) {
  const [row] = await tx
    .insert(workers)
    .values({ userId, skills: [skill], qualifiedAt: at, updatedAt: at, ...(place ?? {}) })
    .onConflictDoUpdate({
      target: workers.userId,
      set: { skills: sql`array(select distinct unnest(${workers.skills} || array[${skill}]::text[]) order by 1)`, updatedAt: at },
      setWhere: sql`not (${skill} = any(${workers.skills}))`,
    })
    .returning({ userId: workers.userId });
  return row !== undefined;
}

export async function findWorker(db: DbOrTx, userId: string): Promise<WorkerWithName | undefined> {
  const [row] = await db
    .select({ worker: workers, name: people.name })
    .from(workers)
    .leftJoin(people, eq(people.userId, workers.userId))
    .where(eq(workers.userId, userId));
  return row ? { ...row.worker, name: row.name } : undefined;
}

export async function updatePlace(
  tx: DbOrTx,
  userId: string,
  place: { city: string; lat: number | null; lon: number | null; available: boolean },
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(workers)
    .set({ ...place, updatedAt: at })
    .where(eq(workers.userId, userId))
    .returning({ userId: workers.userId });
  return rows.length > 0;
}

/** Workers by name order of id, filtered by skill and city, for managers. */
export async function listWorkers(db: DbOrTx, filter: { skill?: string; city?: string; afterId?: string }, limit: number) {
  const rows = await db
    .select({ worker: workers, name: people.name })
    .from(workers)
    .leftJoin(people, eq(people.userId, workers.userId))
    .where(
      and(
        filter.skill ? arrayContains(workers.skills, [filter.skill]) : undefined,
        filter.city ? eq(workers.city, filter.city) : undefined,
        filter.afterId ? gt(workers.userId, filter.afterId) : undefined,
      ),
    )
    .orderBy(asc(workers.userId))
    .limit(limit);
  return rows.map((r): WorkerWithName => ({ ...r.worker, name: r.name }));
}

/**
 * Gives the request's offer to the best worker: qualified, available, in the city, holding no
 * offer and not tried before; nearest first, then fewest open jobs, then best rated. One
 * statement; rows another matching holds are skipped, so two requests matched at once never
 * pick one worker. Answers the worker, or undefined when nobody is free.
 */
export async function holdOfferForBest(
  tx: DbOrTx,
  request: { requestId: string; skill: string; city: string; lat: number | null; lon: number | null; tried: string[] },
  at: Date,
): Promise<string | undefined> {
  // Without the request's coordinates, distance does not decide (a bare constant would be a column position).
  const distance =
    request.lat === null || request.lon === null
      ? undefined
      : sql`coalesce(power(${workers.lat} - ${request.lat}, 2) + power((${workers.lon} - ${request.lon}) * ${Math.cos((request.lat * Math.PI) / 180)}, 2), 1e9)`;
  const best = tx
    .select({ userId: workers.userId })
    .from(workers)
    .where(
      and(
        eq(workers.city, request.city),
        eq(workers.available, true),
        isNull(workers.offerRequestId),
        arrayContains(workers.skills, [request.skill]),
        request.tried.length > 0 ? sql`not (${workers.userId} = any(${sql.param(request.tried)}::uuid[]))` : undefined,
      ),
    )
    .orderBy(
      ...(distance ? [distance] : []),
      asc(workers.openJobs),
      sql`${workers.ratingSum}::float8 / nullif(${workers.ratingCount}, 0) desc nulls last`,
      asc(workers.userId),
    )
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await tx
    .update(workers)
    .set({ offerRequestId: request.requestId, updatedAt: at })
    .where(and(sql`${workers.userId} = (${best})`, isNull(workers.offerRequestId)))
    .returning({ userId: workers.userId });
  return row?.userId;
}

/** Whether anyone qualified in the city has not been tried yet (busy or away for now). */
export async function anyoneLeft(tx: DbOrTx, request: { skill: string; city: string; tried: string[] }): Promise<boolean> {
  const [row] = await tx
    .select({ userId: workers.userId })
    .from(workers)
    .where(
      and(
        eq(workers.city, request.city),
        arrayContains(workers.skills, [request.skill]),
        request.tried.length > 0 ? sql`not (${workers.userId} = any(${sql.param(request.tried)}::uuid[]))` : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Releases the worker's offer of this request; with `assigned`, it becomes one more open job. */
export async function releaseOffer(tx: DbOrTx, userId: string, requestId: string, at: Date, assigned: boolean): Promise<void> {
  await tx
    .update(workers)
    .set({ offerRequestId: null, updatedAt: at, ...(assigned ? { openJobs: sql`${workers.openJobs} + 1` } : {}) })
    .where(and(eq(workers.userId, userId), eq(workers.offerRequestId, requestId)));
}

export async function finishJob(tx: DbOrTx, userId: string, at: Date): Promise<void> {
  await tx
    .update(workers)
    .set({ openJobs: sql`greatest(${workers.openJobs} - 1, 0)`, updatedAt: at })
    .where(eq(workers.userId, userId));
}

/** Records a rating once per request and adds it to the worker's aggregate. */
export async function addRating(tx: DbOrTx, rating: { requestId: string; workerId: string; stars: number; ratedAt: Date }) {
  const [inserted] = await tx.insert(ratings).values(rating).onConflictDoNothing().returning({ requestId: ratings.requestId });
  if (!inserted) return false;
  await tx
    .update(workers)
    .set({ ratingSum: sql`${workers.ratingSum} + ${rating.stars}`, ratingCount: sql`${workers.ratingCount} + 1` })
    .where(eq(workers.userId, rating.workerId));
  return true;
}

export async function rememberPerson(tx: DbOrTx, person: { userId: string; name: string; email: string }): Promise<void> {
  await tx
    .insert(people)
    .values(person)
    .onConflictDoUpdate({ target: people.userId, set: { name: person.name, email: person.email } });
}
