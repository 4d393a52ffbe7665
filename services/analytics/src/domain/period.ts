import { InputError } from '@bazar/kit/errors';

export const MAX_PERIOD_DAYS = 3 * 366;
const DAY_MS = 86_400_000;
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '9998-12-31';

export interface Period {
  /** First day, inclusive (YYYY-MM-DD, UTC). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/** The asked period, or the 30 days up to `today`; an inverted or too long one is a 400. */
export function resolvePeriod(input: { from?: string; to?: string }, today: string): Period {
  for (const field of ['from', 'to'] as const) {
    const day = input[field];
    // Weeks and months around the period are worked out as dates; year 9999 has no month after it.
    if (day !== undefined && (day < FIRST_DAY || day > LAST_DAY)) {
      throw new InputError([{ path: field, message: `must be between ${FIRST_DAY} and ${LAST_DAY}` }]);
    }
  }
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -29);
  if (from > to) throw new InputError([{ path: 'from', message: 'must not be after to' }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_PERIOD_DAYS) {
    throw new InputError([{ path: 'to', message: `the period may span at most ${MAX_PERIOD_DAYS} days` }]);
  }
  return { from, to };
}

/**
 * Splits a period into whole months (read from the monthly rollups) and the loose days at its
 * edges (read from the daily ones), so a year costs about twelve rows per key, not 365.
 */
export function splitPeriod(period: Period): { months: Period | null; days: Period[] } {
  let firstWhole = firstOfMonth(period.from) === period.from ? period.from : nextMonth(firstOfMonth(period.from));
  let lastWhole: string | null = null;
  for (let m = firstWhole; addDays(nextMonth(m), -1) <= period.to; m = nextMonth(m)) lastWhole = m;
  if (!lastWhole) return { months: null, days: [period] };
  const days: Period[] = [];
  if (period.from < firstWhole) days.push({ from: period.from, to: addDays(firstWhole, -1) });
  const afterWhole = nextMonth(lastWhole);
  if (afterWhole <= period.to) days.push({ from: afterWhole, to: period.to });
  firstWhole = firstOfMonth(firstWhole);
  return { months: { from: firstWhole, to: lastWhole }, days };
}

/** The Monday a day's ISO week starts on. */
export function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
