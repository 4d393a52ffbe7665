import { describe, expect, it } from 'vitest';
import { skuTurns } from './sku-turns.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A unit of work that logs its start and end and finishes when told. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    open,
    work: async () => {
      log.push(`${name} start`);
      await opened;
      log.push(`${name} end`);
      return name;
    },
  };
}

describe('skuTurns', () => {
  it('runs turns on one SKU one after another, in the order they were asked for', async () => {
    const turns = skuTurns();
    const log: string[] = [];
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    const done = [turns.take(['X'], a.work), turns.take(['X'], b.work), turns.take(['X'], c.work)];
    await tick();
    expect(log).toEqual(['a start']);
    c.open();
    b.open();
    await tick();
    expect(log).toEqual(['a start']);
    a.open();
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('lets turns on other SKUs run alongside', async () => {
    const turns = skuTurns();
    const log: string[] = [];
    const [a, b] = [gate(log, 'a'), gate(log, 'b')];
    const done = [turns.take(['X'], a.work), turns.take(['Y'], b.work)];
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    b.open();
    a.open();
    await Promise.all(done);
  });

  it('waits for every SKU of a turn, and overlapping turns never wait on each other', async () => {
    const turns = skuTurns();
    const log: string[] = [];
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    const done = [turns.take(['X'], a.work), turns.take(['Y'], b.work), turns.take(['Y', 'X'], c.work)];
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    a.open();
    await tick();
    expect(log).not.toContain('c start');
    b.open();
    await tick();
    expect(log.at(-1)).toBe('c start');
    c.open();
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c']);
  });

  it('ends a failed turn so the next one runs', async () => {
    const turns = skuTurns();
    const failed = turns.take(['X'], async () => {
      throw new Error('boom');
    });
    const next = turns.take(['X'], async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});
