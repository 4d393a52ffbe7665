import { UserRegistered } from '@bazar/contracts/events/identity';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { rememberPerson } from '../db/bet-repo.ts';

/** A person's name for the leaderboard; an upsert, so a repeated event changes nothing. */
export const userRegisteredHandler = (): EventHandler =>
  onEvent(UserRegistered, (txc, { data }) => rememberPerson(txc.tx, data.userId, data.name), { idempotent: true });
