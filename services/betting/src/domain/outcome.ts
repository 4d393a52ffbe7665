export type Outcome = 'completed' | 'cancelled';
export const OUTCOMES: readonly Outcome[] = ['completed', 'cancelled'];

/**
 * The outcome an order event decides, or null when it decides none. A refund after delivery still
 * means the order was completed (its snapshot says it came from `delivered`), so the outcome is
 * the same whichever of the two events arrives first.
 */
export function outcomeOf(status: string, previousStatus: string | null): Outcome | null {
  if (status === 'delivered') return 'completed';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'refunded') return previousStatus === 'delivered' ? 'completed' : 'cancelled';
  return null;
}
