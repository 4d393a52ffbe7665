/** One broken ledger rule, with where it was found. */
export interface LedgerViolation {
  rule: string;
  entryId?: string;
  paymentId?: string;
  account?: string;
  currency?: string;
  detail: string;
}
