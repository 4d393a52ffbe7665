import { Readable } from 'node:stream';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { AnalyticsContext } from '../app/context.ts';
import { exportOrders } from '../app/export-orders.ts';
import { getSummary } from '../app/get-summary.ts';
import { resolvePeriod } from '../domain/period.ts';
import { ExportQuery, SummaryQuery, SummarySchema } from './schemas.ts';

const tags = ['analytics'];

/** The manager's analytics routes of CONTRACT.md. */
export function analyticsRoutes(app: HttpApp, ctx: AnalyticsContext) {
  const managers = ctx.deps.auth.roles('manager', 'admin');
  app.addSchema(SummarySchema);

  app.get(
    '/api/v1/analytics/summary',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: 'Orders, revenue, average order value, top products, series, order types and fulfilment times of a period',
        description: 'Manager or admin; other roles get 403. Figures of the requested period from the rollups; 400 for an invalid period.',
        ...bearer,
        querystring: SummaryQuery,
        response: { 200: Type.Ref('AnalyticsSummary'), ...problems(400, 401, 403) },
      },
    },
    async (req) => getSummary(ctx, req.query),
  );

  app.get(
    '/api/v1/analytics/export',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: 'The orders paid in a period as CSV, one row per order',
        description:
          'Manager or admin; other roles get 403. Streams a CSV attachment; an invalid period is refused with 400 before the download starts.',
        ...bearer,
        querystring: ExportQuery,
        produces: ['text/csv'],
        response: problems(400, 401, 403),
      },
    },
    async (req, reply) => {
      // Checked before the stream starts, so a bad period is a 400 and not a broken download.
      const period = resolvePeriod(req.query, ctx.deps.clock.now().toISOString().slice(0, 10));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="orders-${period.from}-${period.to}.csv"`)
        .send(Readable.from(exportOrders(ctx, period)));
    },
  );
}
