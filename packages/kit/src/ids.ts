import { v7 } from 'uuid';

/** Time-ordered UUIDv7, so primary keys index well and sort by creation. */
export const newId = (): string => v7();

export interface Ids {
  next(): string;
}
export const uuidv7Ids: Ids = { next: newId };

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
