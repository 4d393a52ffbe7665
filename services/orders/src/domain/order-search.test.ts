import { describe, expect, it } from 'vitest';
import { parseOrderSearch } from './order-search.ts';

describe('parseOrderSearch', () => {
  it('reads an order number with or without its prefix and zeros', () => {
    expect(parseOrderSearch('B-000042')).toEqual({ sequence: 42, phoneDigits: null });
    expect(parseOrderSearch(' b42 ')).toEqual({ sequence: 42, phoneDigits: null });
  });

  it('reads five or more digits as a phone fragment too, whatever the punctuation', () => {
    expect(parseOrderSearch('+7 (900) 123-45')).toEqual({ sequence: null, phoneDigits: '790012345' });
    expect(parseOrderSearch('12345')).toEqual({ sequence: 12345, phoneDigits: '12345' });
  });

  it('finds neither in plain words', () => {
    expect(parseOrderSearch('anna')).toEqual({ sequence: null, phoneDigits: null });
  });
});
