import { DomainError } from '@bazar/kit/errors';
import { findOrderType } from '../../db/order-type-repo.ts';
import { isBookableHours, type OrderType } from '../../domain/order-type.ts';
import { type PricedMaterial, priceService, type ServiceQuote, subtotalOf, withDiscount } from '../../domain/service-quote.ts';
import {
  InvalidOrderType,
  MaterialsUnpriced,
  NotBookable,
  OrderTypeNotFound,
  ScheduledInPast,
} from '../../domain/service-request.errors.ts';
import type { OrdersContext } from '../context.ts';

/** How long a quote's price is promised to the customer. */
const QUOTE_VALID_MS = 15 * 60_000;

export interface QuoteInput {
  typeId: string;
  scheduledAt: Date;
  hours?: number;
  promoCode?: string;
  currency?: string;
  customerId: string;
}

/** A bookable service type, or the 404/422 that says why not. */
export async function bookableType(ctx: OrdersContext, typeId: string): Promise<OrderType & { skill: string }> {
  const type = await findOrderType(ctx.deps.db, typeId);
  if (!type) throw OrderTypeNotFound(typeId);
  if (type.kind !== 'service' || !type.skill) throw NotBookable('Only a service type can be booked; goods are ordered through the cart');
  if (!type.active) throw NotBookable(`${type.name} is not offered at the moment`);
  return type as OrderType & { skill: string };
}

/**
 * Prices a job now: labour, materials at the catalog's current prices, the surcharges, less the
 * promotion's discount, in the store currency (or `currency` at the current rate, locked into the quote).
 */
export async function quoteServiceRequest(
  ctx: OrdersContext,
  input: QuoteInput,
): Promise<{ type: OrderType & { skill: string }; quote: ServiceQuote; validUntil: Date }> {
  const now = ctx.deps.clock.now();
  const type = await bookableType(ctx, input.typeId);
  if (input.scheduledAt.getTime() <= now.getTime()) throw ScheduledInPast();
  if (input.hours !== undefined && !isBookableHours(input.hours)) {
    throw InvalidOrderType('hours', 'hours are quarters of an hour between 0.25 and 24');
  }
  const table = await ctx.rates.current();
  const currency = input.currency ?? table.base;
  const rate = currency === table.base ? '1' : table.rates[currency];
  if (!rate) throw new DomainError('orders.unknown_currency', 422, `No rate for ${currency}`);
  const materials = await priceMaterials(ctx, type);
  const priced = priceService({ type, hours: input.hours, materials, scheduledAt: input.scheduledAt, now, currency, rate });
  let discount = 0;
  if (input.promoCode) {
    const subtotal = { amount: subtotalOf(priced), currency };
    const promo = await ctx.promotions.quote({
      code: input.promoCode,
      customerId: input.customerId,
      subtotal,
      shipping: { amount: 0, currency },
    });
    discount = promo.discount.amount;
  }
  return { type, quote: withDiscount(priced, discount), validUntil: new Date(now.getTime() + QUOTE_VALID_MS) };
}

async function priceMaterials(ctx: OrdersContext, type: OrderType): Promise<PricedMaterial[]> {
  if (type.materials.length === 0) return [];
  const variants = await ctx.catalog.lookupSkus(type.materials.map((m) => m.sku));
  const bySku = new Map(variants.filter((v) => !v.archived).map((v) => [v.sku, v]));
  const missing = type.materials.filter((m) => !bySku.has(m.sku)).map((m) => m.sku);
  if (missing.length > 0) throw MaterialsUnpriced(missing);
  return type.materials.map((m) => {
    const variant = bySku.get(m.sku);
    if (!variant) throw MaterialsUnpriced([m.sku]);
    return { ...m, title: variant.title, unitPrice: variant.price };
  });
}
