import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decimalRatio, invertRatio, multiplyRatio, type Ratio, ratioToDecimal } from '../domain/rate-math.ts';

/** One line of the CBR file: `value` roubles buy `nominal` units of `code`. */
export interface CbrQuote {
  code: string;
  nominal: number;
  /** Roubles, as written in the file (decimal comma). */
  value: string;
}

export interface CbrDaily {
  /** The date the rates are set for, ISO `YYYY-MM-DD`. */
  date: string | null;
  quotes: CbrQuote[];
}

/** A file that is not a usable CBR daily rates document. */
export class CbrFormatError extends Error {
  override name = 'CbrFormatError';
}

/**
 * Decodes the body by the charset of the Content-Type header, else the XML declaration, else
 * UTF-8. CBR serves windows-1251, which Node's TextDecoder supports (full ICU).
 */
export function decodeXml(bytes: Uint8Array, contentType?: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const fromDeclaration = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1];
  const label = fromHeader ?? fromDeclaration ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    throw new CbrFormatError(`unsupported charset ${label}`);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Keep every value a string: "051" and "20,6612" must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'Valute',
});

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Parses `XML_daily.asp` (already decoded); throws CbrFormatError on anything unexpected. */
export function parseCbrDaily(xml: string): CbrDaily {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CbrFormatError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const document = parser.parse(xml) as { ValCurs?: { '@Date'?: unknown; Valute?: unknown[] } };
  const root = document.ValCurs;
  if (!root || typeof root !== 'object') throw new CbrFormatError('no ValCurs element');
  const quotes = (root.Valute ?? []).map((entry, index) => parseValute(entry, index));
  if (quotes.length === 0) throw new CbrFormatError('no Valute elements');
  return { date: parseDate(text(root['@Date'])), quotes };
}

function parseValute(entry: unknown, index: number): CbrQuote {
  const fields = (entry ?? {}) as Record<string, unknown>;
  const code = text(fields.CharCode);
  const nominal = text(fields.Nominal);
  const value = text(fields.Value);
  if (!/^[A-Z]{3}$/.test(code)) throw new CbrFormatError(`Valute ${index + 1}: bad CharCode "${code}"`);
  if (!/^[1-9]\d{0,8}$/.test(nominal)) throw new CbrFormatError(`${code}: bad Nominal "${nominal}"`);
  if (!/^\d{1,15}([.,]\d{1,15})?$/.test(value) || /^[0.,]+$/.test(value)) throw new CbrFormatError(`${code}: bad Value "${value}"`);
  return { code, nominal: Number(nominal), value };
}

/** "21.11.2026" → "2026-11-21"; null when absent or not a date. */
function parseDate(value: string): string | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

/** Roubles per one unit of a quote: Value / Nominal. */
const roublesPerUnit = (quote: CbrQuote): Ratio =>
  multiplyRatio(decimalRatio(quote.value), { numerator: 1n, denominator: BigInt(quote.nominal) });

/**
 * The rate table against `base` from CBR quotes: rate(X) = units of X per one base unit. For base
 * RUB that is Nominal / Value; for another base it crosses through the rouble:
 * (roubles per base unit) / (roubles per unit of X), and RUB itself gets roubles per base unit.
 * Each rate is computed exactly and rounded once, half-even, to RATE_SIGNIFICANT_DIGITS.
 */
export function ratesFromCbr(daily: CbrDaily, base: string): Record<string, string> {
  const baseQuote = daily.quotes.find((q) => q.code === base);
  if (base !== 'RUB' && !baseQuote) throw new CbrFormatError(`the file does not quote the base currency ${base}`);
  const roublesPerBase: Ratio = baseQuote ? roublesPerUnit(baseQuote) : { numerator: 1n, denominator: 1n };
  const rates: Record<string, string> = {};
  if (base !== 'RUB') rates.RUB = ratioToDecimal(roublesPerBase);
  for (const quote of daily.quotes) {
    if (quote.code === base) continue;
    rates[quote.code] = ratioToDecimal(multiplyRatio(roublesPerBase, invertRatio(roublesPerUnit(quote))));
  }
  return rates;
}
