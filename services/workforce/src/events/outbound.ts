import { OfferAccepted, OfferMade, RequestUnmatched, WorkerQualified } from '@bazar/contracts/events/workforce';
import type { OutgoingEvent } from '@bazar/kit/events/event';

/** The ONLY mapping from workforce's changes to integration events. */
export const offerMade = (requestId: string, workerId: string, expiresAt: Date): OutgoingEvent =>
  OfferMade.make({ requestId, workerId, expiresAt: expiresAt.toISOString() });
export const offerAccepted = (requestId: string, workerId: string): OutgoingEvent => OfferAccepted.make({ requestId, workerId });
export const requestUnmatched = (requestId: string): OutgoingEvent => RequestUnmatched.make({ requestId });
export const workerQualified = (userId: string, skill: string): OutgoingEvent => WorkerQualified.make({ userId, skill });
