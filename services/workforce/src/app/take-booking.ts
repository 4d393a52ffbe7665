import type { ServiceRequestBooked } from '@bazar/contracts/events/orders';
import type { TxContext } from '@bazar/kit/events/outbox';
import type { Static } from 'typebox';
import { insertRequest } from '../db/request-repo.ts';
import type { WorkforceContext } from './context.ts';
import { offerNext } from './offer-next.ts';

/** A booked request joins matching and goes to its first worker in the same transaction. */
export async function takeBooking(ctx: WorkforceContext, txc: TxContext, booked: Static<typeof ServiceRequestBooked.schema>) {
  const now = ctx.deps.clock.now();
  const request = await insertRequest(txc.tx, {
    requestId: booked.requestId,
    customerId: booked.customerId,
    skill: booked.skill,
    city: booked.city,
    lat: booked.lat ?? null,
    lon: booked.lon ?? null,
    scheduledAt: new Date(booked.scheduledAt),
    status: 'matching',
    bookedAt: now,
    updatedAt: now,
  });
  return request ? offerNext(ctx, txc, request) : null;
}
