import { DomainError } from '@bazar/kit/errors';

export const ProductNotFound = (idOrSlug: string) => new DomainError('catalog.product_not_found', 404, `No product ${idOrSlug}`);
export const CategoryNotFound = (id: string) => new DomainError('catalog.category_not_found', 404, `No category ${id}`);
export const ImportNotFound = (id: string) => new DomainError('catalog.import_not_found', 404, `No import ${id}`);
export const UnknownCategories = (ids: string[]) =>
  new DomainError('catalog.unknown_category', 422, `Unknown categories: ${ids.join(', ')}`, { categoryIds: ids });
export const SkuTaken = (sku: string) => new DomainError('catalog.sku_taken', 409, `SKU ${sku} is already used`, { sku });
export const BarcodeTaken = (barcode: string) =>
  new DomainError('catalog.barcode_taken', 409, `Barcode ${barcode} is already used`, { barcode });
export const SlugTaken = (slug: string) => new DomainError('catalog.slug_taken', 409, `Slug ${slug} is already used`, { slug });
export const CategoryCycle = (id: string, parentId: string) =>
  new DomainError('catalog.category_cycle', 409, `Category ${id} cannot move under itself or one of its descendants`, { id, parentId });
export const CategoryInUse = (id: string, children: number, products: number) =>
  new DomainError('catalog.category_in_use', 409, `Category ${id} still has ${children} sub-categories and ${products} products`, {
    children,
    products,
  });
export const CategoryNameTaken = (name: string) =>
  new DomainError('catalog.category_name_taken', 409, `A sibling category named "${name}" exists`, { name });
export const UnknownCurrency = (currency: string) =>
  new DomainError('catalog.unknown_currency', 422, `No exchange rate for ${currency}; prices cannot be shown in it`, { currency });
export const WrongCurrency = (currency: string, base: string) =>
  new DomainError('catalog.wrong_currency', 422, `Prices are set in the store currency ${base}, not ${currency}`, { currency, base });
export const VariantNotFound = (productId: string, variantId: string) =>
  new DomainError('catalog.variant_not_found', 404, `Product ${productId} has no variant ${variantId}`, { variantId });
export const LastVariant = (variantId: string) =>
  new DomainError('catalog.last_variant', 409, `Variant ${variantId} is the product's only one; archive the product instead`, {
    variantId,
  });
export const UnknownVariant = (id: string) =>
  new DomainError('catalog.unknown_variant', 422, `The product has no variant ${id}`, { variantId: id });
