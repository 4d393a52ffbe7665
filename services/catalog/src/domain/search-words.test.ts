import { describe, expect, it } from 'vitest';
import { correctedQueryOf, isCodeLike, queryTermsOf, searchWordsOf, termAlternatives } from './search-words.ts';

describe('queryTermsOf', () => {
  it('keeps letters and digits of any script, lower-cased, ё as е, each word once', () => {
    expect(queryTermsOf('Чёрные Кроссовки NIKE 42 кроссовки')).toEqual(['черные', 'кроссовки', 'nike', '42']);
  });

  it.each([
    ['!!!', []],
    [':*', []],
    ['👟🔥', []],
    ["red' | shoes & !boots", ['red', 'shoes', 'boots']],
    ['a\\b"c"', ['a', 'b', 'c']],
    ['nul\u0000byte', ['nul', 'byte']],
    ['(кроссовки:*)<->nike', ['кроссовки', 'nike']],
  ])('leaves no full-text operator of %j', (q, terms) => {
    expect(queryTermsOf(q)).toEqual(terms);
  });

  it('takes at most eight words of at most forty characters', () => {
    expect(queryTermsOf('a b c d e f g h i j')).toHaveLength(8);
    expect(queryTermsOf('x'.repeat(100))[0]).toHaveLength(40);
  });
});

describe('termAlternatives', () => {
  it('adds corrections to each word and a prefix to an unknown last word', () => {
    const corrections = new Map([['красовки', ['кроссовки']]]);
    expect(termAlternatives(['красовки', 'ni'], corrections, new Set(['красовки', 'ni']))).toEqual([['красовки', 'кроссовки'], ['ni']]);
    expect(termAlternatives(['красные', 'крос'], new Map(), new Set(['крос']))).toEqual([['красные'], ['крос', 'крос:*']]);
    expect(termAlternatives(['красные', 'кроссовки'], new Map(), new Set())).toEqual([['красные'], ['кроссовки']]);
  });
});

describe('isCodeLike', () => {
  it('accepts one printable token and refuses spaces, control characters and long text', () => {
    expect(isCodeLike('NK-AIR-RED')).toBe(true);
    expect(isCodeLike('4600000000011')).toBe(true);
    expect(isCodeLike('red shoes')).toBe(false);
    expect(isCodeLike('a\u0000b')).toBe(false);
    expect(isCodeLike('x'.repeat(65))).toBe(false);
  });
});

describe('searchWordsOf', () => {
  it('keeps words of three to forty letters', () => {
    expect(searchWordsOf('Nike Air Zoom, красные')).toEqual(['nike', 'air', 'zoom', 'красные']);
  });
});

describe('correctedQueryOf', () => {
  it('replaces a mistyped word with its best correction and keeps the others', () => {
    const corrections = new Map([['красовки', ['кроссовки', 'кровати']]]);
    expect(correctedQueryOf(['беговые', 'красовки'], corrections, new Set(['красовки']))).toBe('беговые кроссовки');
  });

  it('says nothing when no word was corrected or the last word is only unfinished', () => {
    expect(correctedQueryOf(['кроссовки'], new Map(), new Set())).toBeNull();
    expect(correctedQueryOf(['кросс'], new Map([['кросс', ['кроссовки']]]), new Set(['кросс']))).toBeNull();
  });
});
