import { defineMachine } from '@bazar/kit/machine';
import type { Allocation } from './stock.ts';
import { mergeLines } from './stock.ts';

export type ReservationStatus = 'reserved' | 'released' | 'committed';

/** A reservation's lifecycle: it is held, then either given back or shipped; both ends are final. */
export const reservationMachine = defineMachine<ReservationStatus>(
  { reserved: ['released', 'committed'], released: [], committed: [] },
  'inventory.illegal_transition',
);

/** A reservation as the internal API returns it (packages/contracts clients/inventory.ts). */
export interface Reservation {
  reservationId: string;
  orderId: string | null;
  status: ReservationStatus;
  lines: Allocation[];
}

/**
 * What a release or commit must do: `apply` moves stock, `repeat` is an idempotent replay of a
 * move already made. An illegal move (commit after release, release after commit) throws 409.
 */
export function decideMove(status: ReservationStatus, to: 'released' | 'committed'): 'apply' | 'repeat' {
  if (status === to) return 'repeat';
  reservationMachine.assert(status, to);
  return 'apply';
}

/**
 * A release that arrives before its reserve leaves a placeholder (released, no lines), so a late
 * reserve with the same id holds nothing: compensations may run in any order.
 */
export const isPlaceholder = (reservation: Pick<Reservation, 'status' | 'lines'>) =>
  reservation.status === 'released' && reservation.lines.length === 0;

/** True when a repeated reserve asks for the same quantities per SKU as the stored one. */
export function isSameRequest(stored: readonly Allocation[], requested: readonly { sku: string; quantity: number }[]): boolean {
  const a = mergeLines(stored);
  const b = mergeLines(requested);
  return a.length === b.length && a.every((line, i) => line.sku === b[i]?.sku && line.quantity === b[i]?.quantity);
}
