import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { bookSlot } from '../app/book-slot.ts';
import type { DeliveryContext } from '../app/context.ts';
import { listSlots } from '../app/list-slots.ts';
import { releaseSlot } from '../app/release-slot.ts';
import { setSlotWindows } from '../app/set-slot-windows.ts';
import { BookingBody, BookingParams, BookingSchema, CityParams, SlotOfferSchema, SlotsQuery, SlotWindowsBody } from './schemas.ts';

const tags = ['delivery'];

/** Delivery windows: offered at checkout, set by operators, booked by the checkout saga (internal). */
export function slotRoutes(app: HttpApp, ctx: DeliveryContext) {
  app.get(
    '/api/v1/delivery/slots',
    {
      schema: {
        tags,
        summary: 'Delivery days and time windows of a city with the places left in each',
        description:
          'Anyone, no token. The next `days` days (default 7, at most 14) from today; windows that have begun today are left out, full ones show `left: 0`. A city without windows answers an empty list.',
        querystring: SlotsQuery,
        response: { 200: Type.Object({ items: Type.Array(SlotOfferSchema) }), ...problems(400) },
      },
    },
    async (req) => listSlots(ctx, req.query),
  );

  app.put(
    '/api/v1/delivery/slots/:city',
    {
      preHandler: ctx.deps.auth.roles('operator', 'admin'),
      schema: {
        tags,
        summary: "Set a city's daily delivery windows and their capacity",
        description:
          'Operator or admin. Replaces the windows of the city (places already booked stay booked); ids must differ and each window must end after it starts (400).',
        ...bearer,
        params: CityParams,
        body: SlotWindowsBody,
        response: {
          200: Type.Object({
            city: Type.String(),
            windows: Type.Array(Type.Object({ id: Type.String(), from: Type.String(), to: Type.String(), capacity: Type.Integer() })),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => setSlotWindows(ctx, { city: req.params.city, windows: req.body.windows }),
  );

  const internal = ctx.deps.internal;
  app.post(
    '/internal/v1/delivery/slot-bookings',
    {
      preHandler: internal,
      schema: { hide: true, body: BookingBody, response: { 200: BookingSchema, 201: BookingSchema, ...problems(400, 403, 409, 422) } },
    },
    async (req, reply) => {
      const { created, booking } = await bookSlot(ctx, req.body);
      return reply.status(created ? 201 : 200).send(booking);
    },
  );
  app.post(
    '/internal/v1/delivery/slot-bookings/:id/release',
    {
      preHandler: internal,
      schema: {
        hide: true,
        params: BookingParams,
        response: { 200: Type.Object({ bookingId: Type.String(), status: Type.String() }), ...problems(400, 403) },
      },
    },
    async (req) => releaseSlot(ctx, req.params.id),
  );
}
