import { uuidv7 } from 'uuidv7';

/**
 * Time-ordered UUIDv7, so primary keys index well and sort by creation; monotonic within the
 * process, so events written in one unit of work keep their order. From `uuidv7`, which draws from
 * a buffered random pool, rather than `uuid`, which asks the system for each id (0024).
 */
export const newId = (): string => uuidv7();

export interface Ids {
  next(): string;
}
export const uuidv7Ids: Ids = { next: newId };

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether text is a UUID PostgreSQL's uuid type accepts (before it reaches a query). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
