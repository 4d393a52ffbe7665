import { DomainError } from '@bazar/kit/errors';
import type { StockLevel } from './stock.ts';

/** One counted SKU: what the books said, what was counted, and the adjustment that makes them agree. */
export interface AuditLine {
  sku: string;
  expected: number;
  counted: number;
  delta: number;
}

export const AuditBelowReserved = (items: { sku: string; counted: number; reserved: number }[]) =>
  new DomainError(
    'inventory.audit_below_reserved',
    409,
    `Counted less than is reserved for orders (available would go below zero): ${items.map((i) => i.sku).join(', ')}`,
    { items },
  );

/**
 * The differences a count makes in one warehouse. A count under what is reserved would take
 * available below zero: the whole audit is refused (409) naming those SKUs, so it can be recounted.
 */
export function auditDifferences(levels: readonly StockLevel[], counts: readonly { sku: string; counted: number }[]): AuditLine[] {
  const lines = counts.map(({ sku, counted }) => {
    const level = levels.find((l) => l.sku === sku);
    const expected = level?.onHand ?? 0;
    return { sku, expected, counted, delta: counted - expected, reserved: level?.reserved ?? 0 };
  });
  const short = lines.filter((l) => l.counted < l.reserved).map(({ sku, counted, reserved }) => ({ sku, counted, reserved }));
  if (short.length > 0) throw AuditBelowReserved(short);
  return lines.map(({ sku, expected, counted, delta }) => ({ sku, expected, counted, delta }));
}
