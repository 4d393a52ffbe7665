import { describe, expect, it } from 'vitest';
import { addItem, assertCanAccess, changeQuantity, checkOut, claim, newCart, removeItem, setPromoCode } from './cart.ts';

const at = new Date('2026-01-01T00:00:00Z');
const limits = { maxLines: 2, maxQuantity: 10 };
const empty = () => newCart({ id: 'c1', ownerId: 'u1', currency: 'RUB', at });

describe('cart', () => {
  it('adds a new line, and the same variant again adds to its quantity', () => {
    const one = addItem(empty(), { itemId: 'i1', variantId: 'v1', quantity: 2 }, limits, at);
    const two = addItem(one, { itemId: 'i2', variantId: 'v1', quantity: 3 }, limits, at);
    expect(two.items).toEqual([{ id: 'i1', variantId: 'v1', quantity: 5 }]);
    expect(two.version).toBe(3);
  });

  it('refuses more lines or units than the limits with 422 cart.too_large', () => {
    let cart = addItem(empty(), { itemId: 'i1', variantId: 'v1', quantity: 10 }, limits, at);
    expect(() => addItem(cart, { itemId: 'x', variantId: 'v1', quantity: 1 }, limits, at)).toThrow(
      expect.objectContaining({ code: 'cart.too_large' }),
    );
    cart = addItem(cart, { itemId: 'i2', variantId: 'v2', quantity: 1 }, limits, at);
    expect(() => addItem(cart, { itemId: 'i3', variantId: 'v3', quantity: 1 }, limits, at)).toThrow(
      expect.objectContaining({ code: 'cart.too_large', status: 422 }),
    );
  });

  it('changes and removes lines by item id; an unknown item is 404', () => {
    const cart = addItem(empty(), { itemId: 'i1', variantId: 'v1', quantity: 1 }, limits, at);
    expect(changeQuantity(cart, 'i1', 4, limits, at).items[0]?.quantity).toBe(4);
    expect(removeItem(cart, 'i1', at).items).toEqual([]);
    expect(() => removeItem(cart, 'nope', at)).toThrow(expect.objectContaining({ code: 'cart.item_not_found', status: 404 }));
    expect(() => changeQuantity(cart, 'nope', 1, limits, at)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('is closed for changes once checked out; checking out again for the same order is a no-op', () => {
    const cart = checkOut(empty(), 'o1', at);
    expect(cart.status).toBe('checked_out');
    expect(checkOut(cart, 'o1', at)).toBe(cart);
    expect(() => checkOut(cart, 'o2', at)).toThrow(expect.objectContaining({ code: 'cart.checked_out', status: 409 }));
    expect(() => setPromoCode(cart, 'X', at)).toThrow(expect.objectContaining({ code: 'cart.checked_out' }));
    expect(() => addItem(cart, { itemId: 'i', variantId: 'v', quantity: 1 }, limits, at)).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('lets anyone with the id use an anonymous cart, and only the owner an owned one', () => {
    const anonymous = newCart({ id: 'c2', ownerId: null, currency: 'RUB', at });
    expect(() => assertCanAccess(anonymous, null)).not.toThrow();
    expect(() => assertCanAccess(anonymous, 'u9')).not.toThrow();
    expect(() => assertCanAccess(empty(), 'u1')).not.toThrow();
    expect(() => assertCanAccess(empty(), 'u2')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertCanAccess(empty(), null)).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('lets a signed-in customer claim an anonymous open cart, once, and nobody claim an owned or closed one', () => {
    const anonymous = newCart({ id: 'c3', ownerId: null, currency: 'RUB', at });
    const claimed = claim(anonymous, 'u1', at);
    expect(claimed).toMatchObject({ ownerId: 'u1', version: anonymous.version + 1 });
    expect(claim(claimed, 'u1', at)).toBe(claimed);
    expect(() => claim(claimed, 'u2', at)).toThrow(expect.objectContaining({ code: 'cart.forbidden', status: 403 }));
    const closed = checkOut(anonymous, 'o1', at);
    expect(() => claim(closed, 'u1', at)).toThrow(expect.objectContaining({ code: 'cart.checked_out', status: 409 }));
  });
});
