/** A cell a spreadsheet would run as a formula (OWASP's list: = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * For csv-stringify's `cast.string`: a cell that starts like a formula gets a leading apostrophe,
 * so a spreadsheet shows the text instead of running it.
 */
export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** The reverse, for a file this API exported coming back as an import: the text as it was entered. */
export const restoreFormula = (value: string): string => (NEUTRALISED.test(value) ? value.slice(1) : value);
