import { DomainError } from '@bazar/kit/errors';
import { BookingFailed } from '../../domain/service-request.errors.ts';
import type { OrdersContext } from '../context.ts';
import type { BookingState, BookingStep } from './booking-state.ts';
import { authorizeServicePayment } from './steps/authorize-service-payment.ts';
import { holdServicePoints } from './steps/hold-service-points.ts';
import { redeemServicePromotion } from './steps/redeem-service-promotion.ts';

/** A booking's side effects, in order; the price was locked (quoted) before the first. */
export const BOOKING_STEPS: readonly BookingStep[] = [redeemServicePromotion, holdServicePoints, authorizeServicePayment];

/** Thrown by the crash fault: the saga stops as a killed process would, leaving its steps for recovery. */
export class SimulatedCrash extends Error {
  override name = 'SimulatedCrash';
}

/** Undoes `steps` in reverse; answers what could not be undone. */
export async function undoBooking(ctx: OrdersContext, steps: readonly BookingStep[], requestId: string) {
  const failures: { step: string; error: string }[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await step.undo(ctx, { requestId });
    } catch (error) {
      failures.push({ step: step.name, error: String(error) });
      ctx.deps.log.error({ err: error, requestId, step: step.name }, 'booking compensation failed');
    }
  }
  return failures;
}

/**
 * Runs the booking's steps; on a failure the steps done and the failing one are undone in reverse
 * and the problem rethrown (a declined card stays a 422). Answers the state and the failure, if any,
 * so the caller records the outcome.
 */
export async function runBookingSaga(ctx: OrdersContext, started: BookingState): Promise<BookingState> {
  let state = started;
  const touched: BookingStep[] = [];
  try {
    for (const step of BOOKING_STEPS) {
      touched.push(step);
      state = await step.run(ctx, state);
      if (ctx.faults.crashAfter?.() === step.name) throw new SimulatedCrash(`killed after ${step.name}`);
      if (ctx.faults.failAfter?.() === step.name) throw new Error(`injected failure after ${step.name}`);
    }
    return state;
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    const failures = await undoBooking(ctx, touched, state.requestId);
    if (failures.length > 0) ctx.deps.log.error({ requestId: state.requestId, failures }, 'booking left steps to recovery');
    if (error instanceof DomainError) throw error;
    ctx.deps.log.error({ err: error, requestId: state.requestId }, 'booking step failed');
    throw BookingFailed('The booking could not be completed; nothing was charged');
  }
}
