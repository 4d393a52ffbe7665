import { DomainError } from '@bazar/kit/errors';

export const OrderNotFound = (orderId: string) =>
  new DomainError('betting.order_not_found', 404, `No order ${orderId} is known to betting`, { orderId });
export const OutcomeKnown = (orderId: string, outcome: string) =>
  new DomainError('betting.outcome_known', 409, `Order ${orderId} already has its outcome (${outcome}); no more bets`, {
    orderId,
    outcome,
  });
export const OwnOrder = (orderId: string) =>
  new DomainError('betting.own_order', 409, 'A manager may not bet on their own order', { orderId });
export const BudgetExceeded = (balance: number, stake: number) =>
  new DomainError('betting.budget_exceeded', 422, `The stake ${stake} is more than the ${balance} points left this week`, {
    balance,
    stake,
  });
