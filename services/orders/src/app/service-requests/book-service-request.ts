import { DomainError } from '@bazar/kit/errors';
import type { AuthUser } from '@bazar/kit/http/auth';
import { hashRequest, IdempotencyKeyReused } from '@bazar/kit/idempotency';
import { claimBooking, findServiceRequest, settleBooking, toServiceRequest } from '../../db/service-request-repo.ts';
import { BookingFailed, BookingInProgress } from '../../domain/service-request.errors.ts';
import type { ServiceRequest } from '../../domain/service-request.ts';
import { serviceRequestBooked } from '../../events/outbound.ts';
import type { OrdersContext } from '../context.ts';
import { runBookingSaga, SimulatedCrash } from './booking.saga.ts';
import type { BookingRequest } from './booking-state.ts';
import { requestStepId } from './booking-state.ts';
import { quoteServiceRequest } from './quote-service-request.ts';

/**
 * A customer books a worker (`Idempotency-Key`): the price is quoted and locked, the promotion and
 * points taken, the payment authorized (not captured), and the request published for matching. The
 * request's row is written first and is the key's record: a repeat answers the same request; a
 * repeat while the first still runs is 409; the key with another body is 422.
 */
export async function bookServiceRequest(
  ctx: OrdersContext,
  input: { actor: AuthUser; idempotencyKey: string; body: BookingRequest },
): Promise<{ request: ServiceRequest; replayed: boolean }> {
  const { actor, body } = input;
  const scheduledAt = new Date(body.scheduledAt);
  const { type, quote } = await quoteServiceRequest(ctx, {
    typeId: body.typeId,
    scheduledAt,
    customerId: actor.id,
    ...(body.hours === undefined ? {} : { hours: body.hours }),
    ...(body.promoCode ? { promoCode: body.promoCode } : {}),
    ...(body.currency ? { currency: body.currency } : {}),
  });
  const now = ctx.deps.clock.now();
  const requestHash = hashRequest(body);
  const { row, created } = await claimBooking(ctx.deps.db, {
    id: ctx.deps.ids.next(),
    idempotencyKey: input.idempotencyKey,
    requestHash,
    booking: 'running',
    customerId: actor.id,
    typeId: type.id,
    typeName: type.name,
    skill: type.skill,
    status: 'matching',
    address: body.address,
    scheduledAt,
    description: body.description,
    currency: quote.currency,
    promoCode: body.promoCode ?? null,
    pointsUsed: body.usePoints ?? 0,
    kitState: type.materials.length > 0 ? 'needed' : 'none',
    kitTaskIds: [],
    pickedTaskIds: [],
    history: [],
    createdAt: now,
    updatedAt: now,
  });
  if (!created) return { request: await earlierBooking(ctx, row, requestHash), replayed: true };
  const requestId = row.id;
  try {
    const state = await runBookingSaga(ctx, { requestId, customerId: actor.id, request: body, quote, pointsValue: 0, payment: null });
    const booked: ServiceRequest = {
      ...toServiceRequest(row),
      quote: state.quote,
      paymentId: state.payment ? requestStepId(requestId, 'payment') : null,
      paymentStatus: state.payment ? 'authorized' : null,
      history: [{ status: 'matching', at: now.toISOString(), actorId: actor.id, note: null }],
    };
    await ctx.deps.uow(async ({ tx, publish }) => {
      await settleBooking(tx, requestId, { booked });
      await publish(
        serviceRequestBooked({ requestId, customerId: actor.id, typeId: type.id, skill: type.skill, address: body.address, scheduledAt }),
      );
    });
    return { request: booked, replayed: false };
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    const problem =
      error instanceof DomainError ? { code: error.code, status: error.status, detail: error.message } : { detail: String(error) };
    await settleBooking(ctx.deps.db, requestId, { failed: problem, at: ctx.deps.clock.now() });
    throw error;
  }
}

/** The answer to a repeated key: the booked request, or why it cannot be given. */
async function earlierBooking(ctx: OrdersContext, row: Awaited<ReturnType<typeof claimBooking>>['row'], requestHash: string) {
  if (row.requestHash !== requestHash) throw IdempotencyKeyReused();
  if (row.booking === 'running') throw BookingInProgress();
  if (row.booking === 'failed') {
    const failed = row.bookingError as { code?: string; status?: number; detail?: string } | null;
    throw failed?.code && failed.status
      ? new DomainError(failed.code, failed.status as DomainError['status'], failed.detail ?? 'The booking failed')
      : BookingFailed('This booking failed; book again with a new Idempotency-Key');
  }
  const request = await findServiceRequest(ctx.deps.db, row.id);
  if (!request) throw new Error(`orders: booked request ${row.id} is not readable`);
  return request;
}
