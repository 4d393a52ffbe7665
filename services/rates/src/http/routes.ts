import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Page } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { RatesContext } from '../app/context.ts';
import { convertAmount } from '../app/convert-amount.ts';
import { getRates } from '../app/get-rates.ts';
import { listRateHistory } from '../app/list-rate-history.ts';
import { refreshRates } from '../app/refresh-rates.ts';
import { removeRate } from '../app/remove-rate.ts';
import { setRate } from '../app/set-rate.ts';
import {
  ConversionSchema,
  ConvertQuery,
  CurrencyParams,
  HistoryQuery,
  RateChangeSchema,
  RateSetSchema,
  RatesQuery,
  RateTableSchema,
  RefreshSchema,
  SetRateBody,
} from './schemas.ts';

const tags = ['rates'];

/** Rates routes of CONTRACT.md plus history and conversion, thin: parse → use case → reply. */
export function ratesRoutes(app: HttpApp, ctx: RatesContext) {
  // Auth runs on request, before body validation, so a caller without the role learns nothing more.
  const staff = ctx.deps.auth.roles('manager', 'admin');
  app.addSchema(RateTableSchema);

  app.get(
    '/api/v1/rates',
    {
      schema: {
        tags,
        summary: 'The rate table: units of each currency per one unit of the base',
        description: 'Anyone. Rates are decimal strings; `updatedAt` says when the table last changed.',
        querystring: RatesQuery,
        response: { 200: Type.Ref('RateTable'), ...problems(400) },
      },
    },
    async (req) => getRates(ctx, { at: req.query.at ? new Date(req.query.at) : undefined }),
  );

  app.get(
    '/api/v1/rates/history',
    {
      schema: {
        tags,
        summary: 'Versions of the rate table, newest first; with currency, those that changed it',
        description: 'Anyone. Each version of the table with when and how it changed (provider or by hand); paged.',
        querystring: HistoryQuery,
        response: { 200: Page(RateSetSchema), ...problems(400) },
      },
    },
    async (req) => listRateHistory(ctx, req.query),
  );

  app.get(
    '/api/v1/rates/convert',
    {
      schema: {
        tags,
        summary: 'Convert minor units between two currencies (half-even, once)',
        description:
          'Anyone. Converts `amount` (minor units) from one currency to another through the base currency, rounding half-even once.',
        querystring: ConvertQuery,
        response: { 200: ConversionSchema, ...problems(400, 422) },
      },
    },
    async (req) => convertAmount(ctx, req.query),
  );

  app.post(
    '/api/v1/rates/refresh',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Pull the rate provider now',
        description:
          'Manager or admin. Fetches the provider feed now instead of at the scheduled time; provider unreachable → 503, the table unchanged.',
        ...bearer,
        response: { 200: RefreshSchema, ...problems(401, 403, 503) },
      },
    },
    async (req) => refreshRates(ctx, { actorId: req.user?.id ?? null }),
  );

  app.put(
    '/api/v1/rates/:currency',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Set a rate by hand (kept until the next provider refresh that quotes it)',
        description: 'Manager or admin. `rate` is a positive decimal string: units of this currency per one unit of the base currency.',
        ...bearer,
        params: CurrencyParams,
        body: SetRateBody,
        response: { 200: RateChangeSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => setRate(ctx, { currency: req.params.currency, rate: req.body.rate, actorId: req.user?.id ?? null }),
  );

  app.delete(
    '/api/v1/rates/:currency',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Remove a currency from the table',
        description: 'Manager or admin. The base currency cannot be removed (422).',
        ...bearer,
        params: CurrencyParams,
        response: { 200: RateChangeSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => removeRate(ctx, { currency: req.params.currency, actorId: req.user?.id ?? null }),
  );
}
