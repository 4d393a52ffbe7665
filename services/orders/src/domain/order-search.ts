/**
 * What an operator's search text may be: an order number ("B-000042", "42") and/or a fragment of
 * a phone number (five or more digits, any punctuation). Neither → the search matches nothing.
 */
export function parseOrderSearch(q: string): { sequence: number | null; phoneDigits: string | null } {
  const text = q.trim();
  const number = /^(?:b-?)?0*(\d{1,15})$/i.exec(text);
  const sequence = number?.[1] ? Number(number[1]) : null;
  // A number written with its prefix is only a number.
  const digits = /^b/i.test(text) ? '' : text.replace(/\D/g, '');
  return {
    sequence: sequence !== null && Number.isSafeInteger(sequence) ? sequence : null,
    phoneDigits: digits.length >= 5 ? digits : null,
  };
}
