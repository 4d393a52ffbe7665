import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Timestamp, Uuid } from '../common.ts';

/** A skill name as qualification tests and order types spell it (`appliance_repair`). */
export const Skill = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_]+$' });

/** Matching offered a request to one worker, who has until `expiresAt` to accept or decline. */
export const OfferMade = defineEvent(
  'workforce.offer.made',
  1,
  Type.Object({ requestId: Uuid, workerId: Uuid, expiresAt: Timestamp }),
);

/** The offered worker accepted: the request is theirs (orders marks it `assigned`, idempotently). */
export const OfferAccepted = defineEvent('workforce.offer.accepted', 1, Type.Object({ requestId: Uuid, workerId: Uuid }));

/** Nobody qualified and available was left by the request's `scheduledAt`. */
export const RequestUnmatched = defineEvent('workforce.request.unmatched', 1, Type.Object({ requestId: Uuid }));

/** A user passed a qualification test: identity grants the role `worker`; the skill is workforce's. */
export const WorkerQualified = defineEvent('workforce.worker.qualified', 1, Type.Object({ userId: Uuid, skill: Skill }));
