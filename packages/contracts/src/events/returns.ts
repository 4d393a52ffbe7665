import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Money, NullableString, Timestamp, Uuid } from '../common.ts';

export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'received'] as const;
export type ReturnStatusName = (typeof RETURN_STATUSES)[number];

/**
 * What every `return.<status>.v1` carries. On `received`, `lines` say what came back and whether
 * each goes back to stock (inventory) and `refund` what the customer gets back, in the order
 * currency at the order's `exchangeRate` (promotions takes back the points earned on it).
 */
export const ReturnSnapshot = Type.Object({
  returnId: Uuid,
  orderId: Uuid,
  orderNumber: Type.String(),
  customerId: Uuid,
  status: Type.String(),
  lines: Type.Array(Type.Object({ variantId: Uuid, sku: Type.String(), quantity: Type.Integer({ minimum: 0 }), restock: Type.Boolean() })),
  refund: Money,
  exchangeRate: Type.String(),
  reason: NullableString(),
  at: Timestamp,
});

const returnEvent = (status: ReturnStatusName) => defineEvent(`return.${status}`, 1, ReturnSnapshot);

export const ReturnRequested = returnEvent('requested');
export const ReturnApproved = returnEvent('approved');
export const ReturnRejected = returnEvent('rejected');
export const ReturnReceived = returnEvent('received');

export const RETURN_EVENTS = {
  requested: ReturnRequested,
  approved: ReturnApproved,
  rejected: ReturnRejected,
  received: ReturnReceived,
} as const;
