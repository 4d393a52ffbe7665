import { RatesUpdated } from '@bazar/contracts/events/rates';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { RateSource, RateTable } from '../domain/rate-table.ts';

/** The integration events of rates, mapped in one place: every new version carries the full table. */
export const ratesUpdated = (
  table: RateTable,
  version: { rateSetId: string; source: RateSource; changed: string[]; at: Date },
): OutgoingEvent =>
  RatesUpdated.make({
    base: table.base,
    rates: table.rates,
    source: version.source,
    updatedAt: version.at.toISOString(),
    rateSetId: version.rateSetId,
    sources: table.sources,
    changed: version.changed,
  });
