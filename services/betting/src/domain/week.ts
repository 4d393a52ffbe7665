const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week a moment falls in: budgets reset then. */
export function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the month a moment falls in. */
export const monthOf = (at: Date) => `${at.toISOString().slice(0, 7)}-01`;
