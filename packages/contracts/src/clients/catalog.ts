import { expectOk, type ServiceTransport } from '@bazar/kit/clients';
import type { Money } from '@bazar/kit/money';

/** What cart and orders need to know about a variant, priced in the base currency. */
export interface VariantInfo {
  variantId: string;
  productId: string;
  sku: string;
  barcode: string | null;
  /** Product title with the variant's own title, ready for a cart line. */
  title: string;
  price: Money;
  archived: boolean;
}

/**
 * Catalog's internal API. Route: `POST /internal/v1/catalog/variants/lookup` `{variantIds, cached?}` →
 * 200 `{variants: VariantInfo[]}`; unknown ids are simply absent. `cached: true` answers from the
 * product cache (as fresh as a product page): for showing a cart, never for pricing a checkout.
 */
export function catalogClient(transport: ServiceTransport) {
  return {
    async lookupVariants(variantIds: string[], options: { cached?: boolean } = {}): Promise<VariantInfo[]> {
      const body = options.cached ? { variantIds, cached: true } : { variantIds };
      const response = await transport.call({ method: 'POST', path: '/internal/v1/catalog/variants/lookup', body });
      return expectOk<{ variants: VariantInfo[] }>(response).variants;
    },
    /** The same by SKU, read now; unknown SKUs are absent. */
    async lookupSkus(skus: string[]): Promise<VariantInfo[]> {
      const response = await transport.call({
        method: 'POST',
        path: '/internal/v1/catalog/variants/lookup',
        body: { variantIds: [], skus },
      });
      return expectOk<{ variants: VariantInfo[] }>(response).variants;
    },
  };
}
export type CatalogClient = ReturnType<typeof catalogClient>;
