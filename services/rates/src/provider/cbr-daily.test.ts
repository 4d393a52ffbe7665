import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CbrFormatError, decodeXml, parseCbrDaily, ratesFromCbr } from './cbr-daily.ts';

const sample = readFileSync(new URL('../../test/fixtures/cbr-daily-2026-11-21.xml', import.meta.url));
const CONTENT_TYPE = 'application/xml; charset=windows-1251';

describe('decodeXml', () => {
  it('decodes windows-1251 by the Content-Type charset', () => {
    const xml = decodeXml(sample, CONTENT_TYPE);
    expect(xml).toContain('<Name>Доллар США</Name>');
    expect(xml).toContain('Японских иен');
  });

  it('falls back to the XML declaration when the header names no charset', () => {
    expect(decodeXml(sample, 'text/xml')).toContain('Евро');
    expect(decodeXml(sample, null)).toContain('Китайский юань');
  });

  it('shows the bytes are not UTF-8: decoding them as UTF-8 mangles Cyrillic', () => {
    expect(decodeXml(sample, 'application/xml; charset=utf-8')).not.toContain('Евро');
  });

  it('refuses a charset it does not know', () => {
    expect(() => decodeXml(sample, 'text/xml; charset=klingon-1')).toThrow(CbrFormatError);
  });
});

describe('parseCbrDaily', () => {
  const daily = parseCbrDaily(decodeXml(sample, CONTENT_TYPE));

  it('reads the date and every Valute as strings, decimal commas and leading zeros intact', () => {
    expect(daily.date).toBe('2026-11-21');
    expect(daily.quotes.map((q) => q.code)).toEqual(['GBP', 'AMD', 'BYN', 'USD', 'EUR', 'KZT', 'CNY', 'JPY']);
    expect(daily.quotes.find((q) => q.code === 'AMD')).toEqual({ code: 'AMD', nominal: 100, value: '20,6612' });
    expect(daily.quotes.find((q) => q.code === 'USD')).toEqual({ code: 'USD', nominal: 1, value: '80,1234' });
  });

  it.each([
    ['not XML at all', 'this is not xml'],
    ['an unclosed element', '<ValCurs Date="21.11.2026"><Valute><CharCode>USD</CharCode>'],
    ['a different document', '<?xml version="1.0"?><html><body>Service unavailable</body></html>'],
    ['no Valute', '<ValCurs Date="21.11.2026"></ValCurs>'],
    ['a bad code', '<ValCurs><Valute><CharCode>usd</CharCode><Nominal>1</Nominal><Value>80,1</Value></Valute></ValCurs>'],
    ['a zero nominal', '<ValCurs><Valute><CharCode>USD</CharCode><Nominal>0</Nominal><Value>80,1</Value></Valute></ValCurs>'],
    ['a zero value', '<ValCurs><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>0,0000</Value></Valute></ValCurs>'],
    ['a text value', '<ValCurs><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>n/a</Value></Valute></ValCurs>'],
    ['a missing value', '<ValCurs><Valute><CharCode>USD</CharCode><Nominal>1</Nominal></Valute></ValCurs>'],
  ])('refuses %s', (_name, xml) => {
    expect(() => parseCbrDaily(xml)).toThrow(CbrFormatError);
  });

  it('reads a single Valute as a list of one', () => {
    const one = parseCbrDaily(
      '<ValCurs Date="01.02.2026"><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>90</Value></Valute></ValCurs>',
    );
    expect(one).toEqual({ date: '2026-02-01', quotes: [{ code: 'USD', nominal: 1, value: '90' }] });
  });
});

describe('ratesFromCbr', () => {
  const daily = parseCbrDaily(decodeXml(sample, CONTENT_TYPE));

  it('computes Nominal / Value for base RUB, exact and rounded half-even to 10 significant digits', () => {
    // Expected values computed independently with Python's decimal module (60 digits, then 10, half-even).
    expect(ratesFromCbr(daily, 'RUB')).toEqual({
      GBP: '0.009484777407',
      AMD: '4.839989933',
      BYN: '0.03697459106',
      USD: '0.01248074845',
      EUR: '0.01076698627',
      KZT: '6.527372537',
      CNY: '0.08938387694',
      JPY: '1.926656057',
    });
  });

  it('crosses through the rouble for another base, and lists RUB', () => {
    const rates = ratesFromCbr(daily, 'USD');
    expect(rates).toMatchObject({ RUB: '80.1234', EUR: '0.8626875474', KZT: '522.9952807', JPY: '154.3702339', GBP: '0.7599526141' });
    expect(rates).not.toHaveProperty('USD');
  });

  it('refuses a base the file does not quote', () => {
    expect(() => ratesFromCbr(daily, 'CHF')).toThrow(CbrFormatError);
  });
});
