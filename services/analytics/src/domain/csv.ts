import { neutraliseFormula } from '@bazar/kit/csv';

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would read as a formula (=, +, -, @, tab, CR)
 * gets a leading apostrophe (OWASP CSV injection); numbers are written as they are.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvRow = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;
