import { describe, expect, it } from 'vitest';
import { createSearchMemo } from './search-memo.ts';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('createSearchMemo', () => {
  it('shares one computation between concurrent callers and answers repeats from memory', async () => {
    const memo = createSearchMemo({ ttlMs: 1_000, max: 10 });
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    const [a, b] = await Promise.all([memo.remember('k', compute), memo.remember('k', compute)]);
    expect([a, b, await memo.remember('k', compute)]).toEqual([{ run: 1 }, { run: 1 }, { run: 1 }]);
  });

  it('serves an expired answer while one refresh runs, then the refreshed one', async () => {
    const memo = createSearchMemo({ ttlMs: 20, max: 10 });
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    await memo.remember('k', compute);
    await new Promise((r) => setTimeout(r, 30));
    expect(await memo.remember('k', compute)).toEqual({ run: 1 });
    await new Promise((r) => setTimeout(r, 5));
    expect(await memo.remember('k', compute)).toEqual({ run: 2 });
  });

  it('hands an answer computed across a clear() to its caller but does not keep it', async () => {
    const memo = createSearchMemo({ ttlMs: 1_000, max: 10 });
    const slow = deferred<{ v: string }>();
    const pending = memo.remember('k', () => slow.promise);
    memo.clear();
    slow.resolve({ v: 'before the write' });
    expect(await pending).toEqual({ v: 'before the write' });
    expect(await memo.remember('k', async () => ({ v: 'after the write' }))).toEqual({ v: 'after the write' });
  });

  it('computes every time when off', async () => {
    const memo = createSearchMemo({ ttlMs: 0, max: 10 });
    let runs = 0;
    await memo.remember('k', async () => ({ run: ++runs }));
    expect(await memo.remember('k', async () => ({ run: ++runs }))).toEqual({ run: 2 });
  });
});
