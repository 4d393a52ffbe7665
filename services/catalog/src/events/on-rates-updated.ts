import { RatesUpdated } from '@bazar/contracts/events/rates';
import { onEvent } from '@bazar/kit/events/inbox';
import type { CatalogContext } from '../app/context.ts';
import { recordRates } from '../app/record-rates.ts';

/** rates.updated → the exchange-rate read model used by `?currency=`. */
export const onRatesUpdated = (ctx: CatalogContext) =>
  onEvent(RatesUpdated, (tx, e) => recordRates(ctx, tx, { base: e.data.base, rates: e.data.rates, at: new Date(e.data.updatedAt) }));
