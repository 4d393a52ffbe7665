import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MatchStatus } from '../domain/match-status.ts';
import type { OfferStatus } from '../domain/offer-status.ts';

export const workforce = pgSchema('workforce');

/** A qualification test a manager wrote; `questions` holds the correct answers, which only managers see. */
export const tests = workforce.table('tests', {
  id: uuid('id').primaryKey(),
  skill: text('skill').notNull(),
  title: text('title').notNull(),
  passScore: integer('pass_score').notNull(),
  timeLimitMinutes: integer('time_limit_minutes').notNull(),
  questions: jsonb('questions').$type<{ text: string; options: string[]; correct: number[] }[]>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One row per candidate and test: the lock that keeps a candidate to one open attempt. */
export const candidates = workforce.table(
  'candidates',
  {
    testId: uuid('test_id').notNull(),
    userId: uuid('user_id').notNull(),
    lastAttemptId: uuid('last_attempt_id'),
  },
  (t) => [primaryKey({ columns: [t.testId, t.userId] })],
);

export const attempts = workforce.table(
  'attempts',
  {
    id: uuid('id').primaryKey(),
    testId: uuid('test_id').notNull(),
    userId: uuid('user_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The questions as they were when the attempt started: a later edit of the test does not change its scoring. */
    questions: jsonb('questions').$type<{ text: string; options: string[]; correct: number[] }[]>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<number[][]>(),
    score: integer('score'),
    passed: boolean('passed'),
  },
  (t) => [index('attempts_test_idx').on(t.testId, t.id), index('attempts_user_idx').on(t.userId)],
);

/** A worker's profile; `offer_request_id` is the one offer they hold, if any. */
export const workers = workforce.table(
  'workers',
  {
    userId: uuid('user_id').primaryKey(),
    skills: text('skills').array().notNull(),
    city: text('city'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    available: boolean('available').notNull().default(true),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    openJobs: integer('open_jobs').notNull().default(0),
    offerRequestId: uuid('offer_request_id'),
    qualifiedAt: timestamp('qualified_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('workers_city_idx').on(t.city),
    // Matching looks only at the free workers of one city.
    index('workers_free_city_idx').on(t.city).where(sql`${t.available} and ${t.offerRequestId} is null`),
    uniqueIndex('workers_one_offer_idx').on(t.offerRequestId),
    check('workers_open_jobs_not_negative', sql`${t.openJobs} >= 0`),
  ],
);

/** Names and e-mails of users, from identity's sign-up events. */
export const people = workforce.table('people', {
  userId: uuid('user_id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
});

/** The service requests orders asked workforce to match (its read model of `orders.service_request.*`). */
export const requests = workforce.table(
  'requests',
  {
    requestId: uuid('request_id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    skill: text('skill').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** domain/match-status.ts */
    status: text('status').$type<MatchStatus>().notNull(),
    workerId: uuid('worker_id'),
    /** Workers who declined or let the offer lapse: not asked again. */
    tried: uuid('tried').array().notNull().default(sql`'{}'::uuid[]`),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('requests_status_idx').on(t.status)],
);

export const offers = workforce.table(
  'offers',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    madeAt: timestamp('made_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** domain/offer-status.ts */
    status: text('status').$type<OfferStatus>().notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('offers_one_open_per_worker').on(t.workerId).where(sql`${t.status} = 'open'`),
    uniqueIndex('offers_one_open_per_request').on(t.requestId).where(sql`${t.status} = 'open'`),
    index('offers_open_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'open'`),
  ],
);

/** A customer's rating of a completed job, once per request. */
export const ratings = workforce.table(
  'ratings',
  {
    requestId: uuid('request_id').primaryKey(),
    workerId: uuid('worker_id').notNull(),
    stars: smallint('stars').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('ratings_stars_range', sql`${t.stars} between 1 and 5`)],
);

/** Demo workers the seed expects from identity: when their sign-up event arrives, they pass a test. */
export const demoWorkers = workforce.table('demo_workers', {
  email: text('email').primaryKey(),
  skill: text('skill').notNull(),
  city: text('city').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
});

export const outbox = outboxTable(workforce);
export const inbox = inboxTable(workforce);
