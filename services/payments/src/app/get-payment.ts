import { forbidden } from '@bazar/kit/errors';
import { type AuthUser, hasRole } from '@bazar/kit/http/auth';
import { findPayment } from '../db/payment-repo.ts';
import { PaymentNotFound } from '../domain/payment.errors.ts';
import type { Payment } from '../domain/payment.ts';
import type { PaymentsContext } from './context.ts';

/** Staff who may look at any payment. */
export const PAYMENT_STAFF = ['operator', 'manager', 'controller', 'admin'] as const;

/** Loads a payment the actor may see: its owner, or staff unless `ownerOnly`; others get 403. */
export async function loadVisiblePayment(
  ctx: PaymentsContext,
  paymentId: string,
  actor: AuthUser,
  options: { ownerOnly?: boolean } = {},
): Promise<Payment & { token: string }> {
  const payment = await findPayment(ctx.deps.db, paymentId);
  if (!payment) throw PaymentNotFound(paymentId);
  const isOwner = payment.customerId === actor.id;
  if (!isOwner && (options.ownerOnly || !hasRole(actor, ...PAYMENT_STAFF))) throw forbidden('This payment belongs to someone else');
  return payment;
}
