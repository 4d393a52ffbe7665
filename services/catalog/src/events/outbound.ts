import { ProductUpdated, VariantCreated } from '@bazar/contracts/events/catalog';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { Product } from '../domain/product.ts';
import type { CreatedVariant } from '../domain/product-changes.ts';

/** The ONLY mapping from catalog changes to integration events: new variants carry their initial stock. */
export function productEvents(product: Product, created: readonly CreatedVariant[]): OutgoingEvent[] {
  const at = product.updatedAt.toISOString();
  const variantEvents = created.map(({ variant, initialStock }) =>
    VariantCreated.make({
      productId: product.id,
      variantId: variant.id,
      sku: variant.sku,
      barcode: variant.barcode,
      title: variant.title,
      price: variant.price,
      initialStock,
      createdAt: at,
    }),
  );
  const updated = ProductUpdated.make({
    productId: product.id,
    title: product.title,
    archived: product.archivedAt !== null,
    variants: product.variants.map((v) => ({ variantId: v.id, sku: v.sku, barcode: v.barcode, title: v.title, price: v.price })),
    updatedAt: at,
  });
  return [...variantEvents, updated];
}
