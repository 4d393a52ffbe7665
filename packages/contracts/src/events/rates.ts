import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { CurrencyCode, Timestamp } from '../common.ts';

/**
 * The full rate table after a change: units of each currency per one unit of `base`, as
 * decimal strings. Services that show prices keep the latest table as a read model.
 */
export const RatesUpdated = defineEvent(
  'rates.updated',
  1,
  Type.Object({
    base: CurrencyCode,
    rates: Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Type.String({ pattern: '^\\d+(\\.\\d+)?$' })),
    source: Type.Union([Type.Literal('manual'), Type.Literal('provider')]),
    updatedAt: Timestamp,
  }),
);
