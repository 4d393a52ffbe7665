import { expectOk, type ServiceTransport } from '@bazar/kit/clients';

export interface RateTable {
  base: string;
  /** Units of each currency per one unit of `base`, decimal strings. */
  rates: Record<string, string>;
  updatedAt: string | null;
}

/** Rates' public table (`GET /api/v1/rates`), for services that lock a rate at a moment (checkout). */
export function ratesClient(transport: ServiceTransport) {
  return {
    async current(): Promise<RateTable> {
      return expectOk<RateTable>(await transport.call({ method: 'GET', path: '/api/v1/rates' }));
    },
  };
}
export type RatesClient = ReturnType<typeof ratesClient>;
