import type { PaymentView } from '@bazar/contracts/clients/payments';
import { v5 } from 'uuid';
import type { ServiceQuote } from '../../domain/service-quote.ts';
import type { ServiceAddress } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';

/** What the customer asked to book. */
export interface BookingRequest {
  typeId: string;
  address: ServiceAddress;
  scheduledAt: string;
  hours?: number;
  description: string;
  promoCode?: string;
  usePoints?: number;
  currency?: string;
  payment: { provider: string; token: string };
}

/** A booking as its saga carries it; every id a step uses derives from the request id. */
export interface BookingState {
  requestId: string;
  customerId: string;
  request: BookingRequest;
  quote: ServiceQuote;
  /** What the points held are worth, in the request currency. */
  pointsValue: number;
  payment: PaymentView | null;
}

/** A side-effecting step of a booking, its undo beside it (STYLE §2). */
export interface BookingStep {
  name: string;
  run(ctx: OrdersContext, state: BookingState): Promise<BookingState>;
  /** Safe whether or not `run` happened (a crash may leave either). */
  undo(ctx: OrdersContext, state: Pick<BookingState, 'requestId'>): Promise<void>;
}

/** The id a request's step uses with another service: the same on every retry and in recovery. */
export const requestStepId = (requestId: string, purpose: 'redemption' | 'hold' | 'payment' | 'kit') => v5(`service-${purpose}`, requestId);
