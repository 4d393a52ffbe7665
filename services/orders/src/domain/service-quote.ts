import { convertMoney, type Money } from '@bazar/kit/money';
import type { MaterialLine, OrderType } from './order-type.ts';

/**
 * The documented surcharges, on labour only: a job booked less than 24 hours ahead (`urgent`) and a
 * job on a Saturday or Sunday (`weekend`, in UTC) each add their percent; both may apply.
 */
export const SURCHARGE_RULES = [
  { code: 'urgent', percent: 25, description: 'scheduled less than 24 hours after booking' },
  { code: 'weekend', percent: 15, description: 'scheduled on a Saturday or Sunday (UTC)' },
] as const;
export type SurchargeCode = (typeof SURCHARGE_RULES)[number]['code'];

const URGENT_WITHIN_MS = 24 * 3_600_000;

/** A material priced for the request (catalog price in the request currency). */
export interface PricedMaterial extends MaterialLine {
  title: string;
  unitPrice: Money;
}

/** What a request costs, frozen at booking; the actual amount at completion is computed from it. */
export interface ServiceQuote {
  currency: string;
  /** Units of the request currency per unit of the store's, fixed when quoted (as checkout does). */
  exchangeRate: string;
  hours: number;
  hourlyRate: Money;
  basePrice: Money;
  materials: PricedMaterial[];
  surchargeCodes: SurchargeCode[];
  lines: { labour: Money; materials: Money; surcharges: Money };
  discount: Money;
  total: Money;
}

/** Which surcharges a job scheduled at `scheduledAt`, booked at `now`, carries. */
export function surchargesFor(scheduledAt: Date, now: Date): SurchargeCode[] {
  const codes: SurchargeCode[] = [];
  if (scheduledAt.getTime() - now.getTime() < URGENT_WITHIN_MS) codes.push('urgent');
  const day = scheduledAt.getUTCDay();
  if (day === 0 || day === 6) codes.push('weekend');
  return codes;
}

const percentOf = (amount: number, percent: number) => Math.round((amount * percent) / 100);
const sumOf = (codes: readonly SurchargeCode[]) =>
  SURCHARGE_RULES.filter((rule) => codes.includes(rule.code)).reduce((sum, rule) => sum + rule.percent, 0);

/** Labour for some hours: hourly rate × hours, never under the base price. */
export const labourFor = (hourlyRate: number, basePrice: number, hours: number) => Math.max(Math.round(hourlyRate * hours), basePrice);

/**
 * The quote before discounts: labour, materials at their catalog prices and surcharges, every line
 * converted once from the store currency at `rate` (half-even, DESIGN §5).
 */
export function priceService(input: {
  type: Pick<OrderType, 'basePrice' | 'hourlyRate' | 'estimatedHours'>;
  hours: number | undefined;
  materials: PricedMaterial[];
  scheduledAt: Date;
  now: Date;
  currency: string;
  rate: string;
}): Omit<ServiceQuote, 'discount' | 'total'> {
  const { type, currency, rate } = input;
  const inCurrency = (m: Money) => (m.currency === currency ? m : convertMoney(m, currency, rate));
  const hourlyRate = inCurrency(type.hourlyRate ?? type.basePrice);
  const basePrice = inCurrency(type.basePrice);
  const hours = input.hours ?? type.estimatedHours ?? 1;
  const materials = input.materials.map((m) => ({ ...m, unitPrice: inCurrency(m.unitPrice) }));
  const labour = labourFor(hourlyRate.amount, basePrice.amount, hours);
  const surchargeCodes = surchargesFor(input.scheduledAt, input.now);
  const materialsTotal = materials.reduce((sum, m) => sum + m.unitPrice.amount * m.quantity, 0);
  return {
    currency,
    exchangeRate: rate,
    hours,
    hourlyRate,
    basePrice,
    materials,
    surchargeCodes,
    lines: {
      labour: { amount: labour, currency },
      materials: { amount: materialsTotal, currency },
      surcharges: { amount: percentOf(labour, sumOf(surchargeCodes)), currency },
    },
  };
}

/** The subtotal discounts apply to. */
export const subtotalOf = (q: Pick<ServiceQuote, 'lines'>) => q.lines.labour.amount + q.lines.materials.amount + q.lines.surcharges.amount;

/** Applies discounts (promotion, loyalty), never below zero. */
export function withDiscount(priced: Omit<ServiceQuote, 'discount' | 'total'>, discount: number): ServiceQuote {
  const subtotal = subtotalOf(priced);
  const taken = Math.min(Math.max(discount, 0), subtotal);
  return {
    ...priced,
    discount: { amount: taken, currency: priced.currency },
    total: { amount: subtotal - taken, currency: priced.currency },
  };
}

/**
 * What the finished job costs: labour for the hours spent (at least the base price) with the
 * booking's surcharges, the materials used at their locked prices, less the booking's discount —
 * and never more than was authorized (going over would need the customer's consent).
 */
export function actualAmount(quote: ServiceQuote, report: { hoursSpent: number; materialsUsed: MaterialLine[] }): Money {
  const labour = labourFor(quote.hourlyRate.amount, quote.basePrice.amount, report.hoursSpent);
  const surcharges = percentOf(labour, sumOf(quote.surchargeCodes));
  const prices = new Map(quote.materials.map((m) => [m.sku, m.unitPrice.amount]));
  const materials = report.materialsUsed.reduce((sum, m) => sum + (prices.get(m.sku) ?? 0) * m.quantity, 0);
  const amount = Math.max(labour + surcharges + materials - quote.discount.amount, 0);
  return { amount: Math.min(amount, quote.total.amount), currency: quote.currency };
}

/** Materials issued but not used, by SKU: what comes back to stock on completion. */
export function unusedMaterials(issued: readonly MaterialLine[], used: readonly MaterialLine[]): MaterialLine[] {
  const usedBySku = new Map<string, number>();
  for (const u of used) usedBySku.set(u.sku, (usedBySku.get(u.sku) ?? 0) + u.quantity);
  return issued
    .map((m) => ({ sku: m.sku, quantity: m.quantity - Math.min(usedBySku.get(m.sku) ?? 0, m.quantity) }))
    .filter((m) => m.quantity > 0);
}
