import { describe, expect, it } from 'vitest';
import { Postings } from './postings.ts';

describe('Postings', () => {
  it('keeps each lexeme’s postings in the order added, one or many', () => {
    const postings = new Postings();
    postings.add('кроссовк', 10);
    postings.add('4600000000008', 11);
    postings.add('кроссовк', 20);
    postings.add('кроссовк', 30);
    expect([...postings.of('кроссовк')]).toEqual([10, 20, 30]);
    expect([...postings.of('4600000000008')]).toEqual([11]);
    expect([...postings.of('missing')]).toEqual([]);
    expect(postings.lexemeCount).toBe(2);
  });

  it('sorts each list again after a rewrite that reorders its postings', () => {
    const postings = new Postings();
    for (const posting of [1, 2, 3, 4]) postings.add('a', posting);
    postings.add('b', 9);
    postings.rewrite((p) => 100 - p, false);
    expect([...postings.of('a')]).toEqual([96, 97, 98, 99]);
    expect([...postings.of('b')]).toEqual([91]);
  });

  it('rewrites postings, dropping those rewritten to -1 and forgetting emptied lexemes', () => {
    const postings = new Postings();
    for (const [lexeme, posting] of [
      ['a', 1],
      ['a', 2],
      ['a', 3],
      ['b', 2],
      ['c', 4],
      ['c', 5],
    ] as const)
      postings.add(lexeme, posting);
    postings.rewrite((p) => (p === 2 || p === 5 ? -1 : p * 10));
    expect([...postings.of('a')]).toEqual([10, 30]);
    expect([...postings.of('b')]).toEqual([]);
    expect([...postings.of('c')]).toEqual([40]);
    expect(postings.lexemeCount).toBe(2);
  });

  it('finds lexemes by prefix in text order, those added after the order was built too', () => {
    const postings = new Postings();
    for (const lexeme of ['кроссовк', 'кросс', 'куртк', 'boot', 'boots']) postings.add(lexeme, 1);
    expect(postings.startingWith('кросс')).toEqual(['кросс', 'кроссовк']);
    postings.add('кроссы', 2);
    postings.add('bootcut', 3);
    expect(postings.startingWith('кросс')).toEqual(['кросс', 'кроссовк', 'кроссы']);
    expect(postings.startingWith('boot')).toEqual(['boot', 'bootcut', 'boots']);
    expect(postings.startingWith('')).toEqual([]);
    postings.rewrite((p) => (p === 2 ? -1 : p));
    expect(postings.startingWith('кросс')).toEqual(['кросс', 'кроссовк']);
  });

  it('merges many new lexemes into the main order without losing any', () => {
    const postings = new Postings();
    postings.add('m0', 1);
    postings.prepareOrder();
    for (let i = 1; i <= 70_000; i++) postings.add(`m${i}`, i);
    postings.prepareOrder();
    expect(postings.startingWith('m6999')).toEqual([
      'm6999',
      'm69990',
      'm69991',
      'm69992',
      'm69993',
      'm69994',
      'm69995',
      'm69996',
      'm69997',
      'm69998',
      'm69999',
    ]);
    postings.add('m-late', 5);
    expect(postings.startingWith('m-')).toEqual(['m-late']);
  });
});
