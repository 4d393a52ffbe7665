import { describe, expect, it } from 'vitest';
import { settledHere } from './settled-here.ts';

describe('settledHere', () => {
  it('remembers the orders it was told of, the oldest forgotten past its size', async () => {
    const settled = settledHere(2);
    settled.add('a');
    settled.add('b');
    expect(await settled.settled('a')).toBe(true);
    settled.add('c');
    expect(await settled.settled('a')).toBe(false);
    expect(await settled.settled('b')).toBe(true);
    expect(await settled.settled('c')).toBe(true);
    expect(await settled.settled('d')).toBe(false);
  });

  it('answers for an order a checkout is still settling once that checkout has ended, however it ended', async () => {
    const settled = settledHere();
    let finish = () => {};
    const checkout = settled.settling('a', () => new Promise<void>((resolve) => (finish = resolve)).then(() => settled.add('a')));
    const answer = settled.settled('a');
    let answered = false;
    void answer.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    finish();
    await checkout;
    expect(await answer).toBe(true);
    const failing = settled.settling('b', async () => {
      throw new Error('declined');
    });
    await expect(failing).rejects.toThrow('declined');
    expect(await settled.settled('b')).toBe(false);
  });
});
