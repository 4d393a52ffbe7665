import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { assignCourier } from '../app/assign-courier.ts';
import type { DeliveryContext } from '../app/context.ts';
import { getCourierRoute } from '../app/get-courier-route.ts';
import { getShipment } from '../app/get-shipment.ts';
import { listCouriers } from '../app/list-couriers.ts';
import { listShipments } from '../app/list-shipments.ts';
import { reportShipmentEvent } from '../app/report-shipment-event.ts';
import { returnShipment } from '../app/return-shipment.ts';
import { shipmentView } from '../app/shipment-view.ts';
import { trackShipment } from '../app/track-shipment.ts';
import { updateCourier } from '../app/update-courier.ts';
import {
  AssignBody,
  CourierBody,
  CourierParams,
  CourierSchema,
  CouriersQuery,
  ListShipmentsQuery,
  ReportBody,
  ReturnBody,
  RouteQuery,
  RouteSchema,
  ShipmentDetail,
  ShipmentParams,
  ShipmentSchema,
  TrackingParams,
  TrackingSchema,
} from './schemas.ts';

const tags = ['delivery'];

/** Delivery and tracking routes of CONTRACT.md (plus couriers and routes), thin: parse → use case → reply. */
export function deliveryRoutes(app: HttpApp, ctx: DeliveryContext) {
  const { auth, ids } = ctx.deps;
  const staff = auth.roles('operator', 'admin');
  const courierOrStaff = auth.roles('courier', 'operator', 'admin', 'manager');
  app.addSchema(ShipmentSchema);
  app.addSchema(CourierSchema);

  app.get(
    '/api/v1/shipments',
    {
      preHandler: courierOrStaff,
      schema: {
        tags,
        summary: "Shipments, newest first: a courier's own, or all for operators",
        description:
          'Courier, operator, manager or admin. Filtered by status, date or courier; a courier only ever sees their own shipments.',
        ...bearer,
        querystring: Type.Object({ ...ListShipmentsQuery.properties, ...PageQuery }),
        response: { 200: Page(Type.Ref('Shipment')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listShipments(ctx, userOf(req), req.query),
  );

  app.get(
    '/api/v1/shipments/:id',
    {
      preHandler: courierOrStaff,
      schema: {
        tags,
        summary: 'One shipment with its history (its courier or staff)',
        description: "Courier, operator, manager or admin. A courier asking for another courier's shipment → 403; an unknown id → 404.",
        ...bearer,
        params: ShipmentParams,
        response: { 200: ShipmentDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getShipment(ctx, userOf(req), req.params.id),
  );

  app.post(
    '/api/v1/shipments/:id/assign',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Give a shipment to an on-duty courier of its city (also the retry of a failed delivery, optionally on another day)',
        description: 'Operator or admin. An off-duty courier → 409; a courier of another city → 422; an unknown shipment or courier → 404.',
        ...bearer,
        params: ShipmentParams,
        body: AssignBody,
        response: { 200: Type.Ref('Shipment'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      shipmentView(
        await assignCourier(ctx, {
          shipmentId: req.params.id,
          courierId: req.body.courierId,
          actorId: userOf(req).id,
          ...(req.body.deliveryDate ? { deliveryDate: req.body.deliveryDate } : {}),
        }),
      ),
  );

  app.post(
    '/api/v1/shipments/:id/events',
    {
      preHandler: auth.roles('courier', 'operator', 'admin'),
      schema: {
        tags,
        summary: 'The assigned courier reports picked_up, in_transit, delivered or failed (with a reason); a retried eventId counts once',
        description:
          "The assigned courier, operator or admin. `delivered` needs the `code` the customer got by SMS at pickup (missing or wrong → 422, five wrong → 409); an operator may instead give a reason in `note`. Another courier's shipment → 403; failed without a note → 422; a status out of order → 409. `failed` with `refused: true` (the customer refused the parcel), or the failure that uses up `DELIVERY_MAX_ATTEMPTS`, sends it back to the warehouse at once: the answer is `returned`, and the order is cancelled, restocked and refunded.",
        ...bearer,
        params: ShipmentParams,
        body: ReportBody,
        response: { 200: Type.Ref('Shipment'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const { eventId, note, code, lat, lon, status, refused } = req.body;
      const shipment = await reportShipmentEvent(ctx, {
        shipmentId: req.params.id,
        eventId: eventId ?? ids.next(),
        status,
        actor: userOf(req),
        ...(note !== undefined ? { note } : {}),
        ...(code !== undefined ? { code } : {}),
        ...(refused !== undefined ? { refused } : {}),
        ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
      });
      return shipmentView(shipment);
    },
  );

  app.post(
    '/api/v1/shipments/:id/return',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Take a failed delivery back to the warehouse: the order is cancelled, restocked and refunded',
        description: 'Operator or admin. Only a failed shipment can be returned; any other status → 409.',
        ...bearer,
        params: ShipmentParams,
        body: ReturnBody,
        response: { 200: Type.Ref('Shipment'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      shipmentView(
        await returnShipment(ctx, {
          shipmentId: req.params.id,
          actorId: userOf(req).id,
          ...(req.body.reason ? { reason: req.body.reason } : {}),
        }),
      ),
  );

  app.get(
    '/api/v1/tracking/:trackingNumber',
    {
      schema: {
        tags,
        summary: 'Public tracking: status, steps and ETA, without any personal data',
        description: 'Anyone, no token. An unknown tracking number → 404.',
        params: TrackingParams,
        response: { 200: TrackingSchema, ...problems(400, 404) },
      },
    },
    async (req) => trackShipment(ctx, req.params.trackingNumber),
  );

  app.get(
    '/api/v1/couriers',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Couriers with their city and shift',
        description: 'Operator or admin. Every courier, optionally filtered by city and whether on duty.',
        ...bearer,
        querystring: CouriersQuery,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Courier')) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => listCouriers(ctx, req.query),
  );

  app.patch(
    '/api/v1/couriers/:id',
    {
      preHandler: auth.roles('courier', 'operator', 'admin'),
      schema: {
        tags,
        summary: 'Start or end a shift (`me` for oneself); operators also set the city',
        description:
          'The courier themself, operator or admin. A courier changing another courier, or their own city or name → 403; an unknown courier → 404.',
        ...bearer,
        params: CourierParams,
        body: CourierBody,
        response: { 200: Type.Ref('Courier'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => updateCourier(ctx, userOf(req), { courierId: req.params.id, ...req.body }),
  );

  app.get(
    '/api/v1/couriers/:id/route',
    {
      preHandler: courierOrStaff,
      schema: {
        tags,
        summary: "A courier's route for a day (`me` for oneself): open stops in order with ETAs, then finished ones",
        description: "The courier themself, operator, manager or admin. Another courier's route → 403; the day defaults to today.",
        ...bearer,
        params: CourierParams,
        querystring: RouteQuery,
        response: { 200: RouteSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => getCourierRoute(ctx, userOf(req), { courierId: req.params.id, ...(req.query.date ? { date: req.query.date } : {}) }),
  );
}
