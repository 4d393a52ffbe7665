import { Timestamp, Uuid } from '@bazar/contracts/common';
import { PageQuery } from '@bazar/kit/http/pagination';
import { Type } from 'typebox';
import { CURRENCY_PATTERN } from '../domain/currency-codes.ts';
import { RATE_PATTERN } from '../domain/rate-value.ts';

const Currency = Type.String({ pattern: CURRENCY_PATTERN, description: 'ISO 4217 code, upper case' });
const RateString = Type.String({ pattern: '^\\d+(\\.\\d+)?$', description: 'Units of the currency per one base unit' });
const Source = Type.Union([Type.Literal('manual'), Type.Literal('provider')]);
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableDate = Type.Union([Type.String({ format: 'date', description: 'The date the provider set its rates for' }), Type.Null()]);

export const RateTableSchema = Type.Object(
  {
    base: Currency,
    rates: Type.Record(Type.String(), RateString, { description: 'The base itself is not listed; its rate is 1' }),
    sources: Type.Record(Type.String(), Source),
    updatedAt: NullableTimestamp,
    rateSetId: NullableUuid,
  },
  { $id: 'RateTable' },
);

export const RateChangeSchema = Type.Object({
  base: Currency,
  rates: Type.Record(Type.String(), RateString),
  sources: Type.Record(Type.String(), Source),
  updatedAt: NullableTimestamp,
  rateSetId: NullableUuid,
  changed: Type.Array(Currency, { description: 'Currencies this request changed; empty when nothing did' }),
});

export const RefreshSchema = Type.Object({
  ...RateChangeSchema.properties,
  providerDate: NullableDate,
});

export const CurrencyParams = Type.Object({ currency: Currency });
export const SetRateBody = Type.Object(
  { rate: Type.String({ pattern: RATE_PATTERN, description: 'A positive decimal string, e.g. "0.0108"' }) },
  { additionalProperties: false },
);
export const RatesQuery = Type.Object({
  at: Type.Optional(Type.String({ format: 'date-time', description: 'The table in force at this moment' })),
});

export const HistoryQuery = Type.Object({ currency: Type.Optional(Currency), ...PageQuery });
export const RateSetSchema = Type.Object({
  id: Uuid,
  base: Currency,
  source: Source,
  changed: Type.Array(Currency),
  rates: Type.Record(Type.String(), RateString),
  providerDate: NullableDate,
  updatedAt: Timestamp,
});

export const ConvertQuery = Type.Object({
  amount: Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, description: 'Minor units of `from`' }),
  from: Currency,
  to: Currency,
});
const MoneySchema = Type.Object({ amount: Type.Integer(), currency: Currency });
export const ConversionSchema = Type.Object({
  from: MoneySchema,
  to: MoneySchema,
  rate: RateString,
  base: Currency,
  rateSetId: NullableUuid,
  updatedAt: NullableTimestamp,
});
