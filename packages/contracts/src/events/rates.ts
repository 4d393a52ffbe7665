import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { CurrencyCode, Timestamp, Uuid } from '../common.ts';

const RateKey = Type.String({ pattern: '^[A-Z]{3}$' });

/**
 * The full rate table after a change: units of each currency per one unit of `base`, as
 * decimal strings (the base itself is not listed; its rate is 1). Services that show prices
 * keep the latest table as a read model.
 */
export const RatesUpdated = defineEvent(
  'rates.updated',
  1,
  Type.Object({
    base: CurrencyCode,
    rates: Type.Record(RateKey, Type.String({ pattern: '^\\d+(\\.\\d+)?$' })),
    /** What made this version of the table. */
    source: Type.Union([Type.Literal('manual'), Type.Literal('provider')]),
    updatedAt: Timestamp,
    /** The stored version (rates' history); orders may record it with the rate they used. */
    rateSetId: Type.Optional(Uuid),
    /** Where each currency's current rate came from. */
    sources: Type.Optional(Type.Record(RateKey, Type.Union([Type.Literal('manual'), Type.Literal('provider')]))),
    /** Currencies whose rate changed (or were removed) in this version. */
    changed: Type.Optional(Type.Array(RateKey)),
  }),
);
