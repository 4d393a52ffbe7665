import { VariantCreated } from '@bazar/contracts/events/catalog';
import { onEvent } from '@bazar/kit/events/inbox';
import type { InventoryContext } from '../app/context.ts';
import { registerSku } from '../app/register-sku.ts';

/** catalog.variant_created → the SKU's initial stock lands in the default warehouse (once per SKU). */
export const onVariantCreated = (ctx: InventoryContext) =>
  onEvent(VariantCreated, async (uow, { data }) => {
    await registerSku(ctx, uow, { sku: data.sku, variantId: data.variantId, productId: data.productId, initialStock: data.initialStock });
  });
