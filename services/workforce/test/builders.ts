import { UserRegistered } from '@bazar/contracts/events/identity';
import { ServiceRequestBooked, ServiceRequestClosed, ServiceRequestRated } from '@bazar/contracts/events/orders';
import { type EventEnvelope, envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';

/** `orders.service_request.booked` as orders publishes it; by default in Kazan, tomorrow. */
export function bookedEvent(
  input: { requestId?: string; skill?: string; city?: string; lat?: number; lon?: number; scheduledAt?: Date } = {},
) {
  const data = {
    requestId: input.requestId ?? newId(),
    customerId: newId(),
    typeId: newId(),
    skill: input.skill ?? 'appliance_repair',
    city: input.city ?? 'Казань',
    ...(input.lat === undefined ? {} : { lat: input.lat }),
    ...(input.lon === undefined ? {} : { lon: input.lon }),
    scheduledAt: (input.scheduledAt ?? new Date(Date.now() + 86_400_000)).toISOString(),
  };
  return { data, envelope: envelope(ServiceRequestBooked.make(data), 'orders') };
}

export const closedEvent = (requestId: string, status: 'completed' | 'cancelled' | 'unmatched', workerId?: string): EventEnvelope =>
  envelope(ServiceRequestClosed.make({ requestId, status, ...(workerId ? { workerId } : {}) }), 'orders');

export const ratedEvent = (requestId: string, workerId: string, stars: number): EventEnvelope =>
  envelope(ServiceRequestRated.make({ requestId, workerId, stars }), 'orders');

export const registeredEvent = (user: { userId: string; name: string; email: string }): EventEnvelope =>
  envelope(UserRegistered.make({ ...user, phone: null, roles: ['customer'], registeredAt: new Date().toISOString() }), 'identity');

/** A two-question test body; the first option of each question is the correct one. */
export const aTest = (skill = 'appliance_repair', overrides: Record<string, unknown> = {}) => ({
  skill,
  title: `Test of ${skill}`,
  passScore: 50,
  timeLimitMinutes: 10,
  questions: [
    { text: 'First?', options: ['right', 'wrong'], correct: [0] },
    { text: 'Second?', options: ['right', 'wrong', 'also right'], correct: [0, 2] },
  ],
  ...overrides,
});
