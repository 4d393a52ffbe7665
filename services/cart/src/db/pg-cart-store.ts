import type { Db } from '@bazar/kit/db/database';
import { placeholderFor, placeholders, reusableQuery } from '@bazar/kit/db/reusable-query';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Cart, CartStatus } from '../domain/cart.ts';
import type { CartStore } from '../store/cart-store.ts';
import { carts } from './schema.ts';

type CartRow = typeof carts.$inferSelect;

const toCart = (row: CartRow): Cart => ({
  id: row.id,
  ownerId: row.ownerId,
  currency: row.currency,
  items: row.items,
  promoCode: row.promoCode,
  status: row.status as CartStatus,
  orderId: row.orderId,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const toRow = (cart: Cart) => ({
  ownerId: cart.ownerId,
  currency: cart.currency,
  items: cart.items,
  promoCode: cart.promoCode,
  status: cart.status,
  orderId: cart.orderId,
  version: cart.version,
  updatedAt: new Date(cart.updatedAt),
});

const insertCart = reusableQuery('cart.carts.insert', (db) =>
  db
    .insert(carts)
    .values(placeholders('id', 'createdAt', 'ownerId', 'currency', 'items', 'promoCode', 'status', 'orderId', 'version', 'updatedAt')),
);
const selectCart = reusableQuery('cart.carts.find', (db) =>
  db
    .select()
    .from(carts)
    .where(eq(carts.id, sql.placeholder('id'))),
);
const replaceCart = reusableQuery('cart.carts.replace', (db) =>
  db
    .update(carts)
    .set({
      ownerId: placeholderFor<string | null>('ownerId'),
      currency: placeholderFor<string>('currency'),
      items: placeholderFor<Cart['items']>('items'),
      promoCode: placeholderFor<string | null>('promoCode'),
      status: placeholderFor<string>('status'),
      orderId: placeholderFor<string | null>('orderId'),
      version: placeholderFor<number>('version'),
      updatedAt: placeholderFor<Date>('updatedAt'),
    })
    .where(and(eq(carts.id, sql.placeholder('id')), eq(carts.version, sql.placeholder('expectedVersion'))))
    .returning({ id: carts.id }),
);

// `checkOut` of an open cart as one statement: status, order, version and time as the domain sets them.
const closeOpenCart = reusableQuery('cart.carts.close_if_open', (db) =>
  db
    .update(carts)
    .set({
      status: 'checked_out',
      orderId: placeholderFor<string>('orderId'),
      version: sql`${carts.version} + 1`,
      updatedAt: placeholderFor<Date>('at'),
    })
    .where(
      and(
        eq(carts.id, sql.placeholder('id')),
        eq(carts.status, 'open'),
        or(isNull(carts.ownerId), eq(carts.ownerId, sql.placeholder('customerId'))),
      ),
    )
    .returning(),
);

/** Carts in `cart.carts`; changes are one conditional UPDATE on the version, so no transaction is held. */
export function createPgCartStore(db: Db): CartStore {
  return {
    async create(cart) {
      await insertCart(db, { id: cart.id, createdAt: new Date(cart.createdAt), ...toRow(cart) });
    },
    async get(id) {
      const [row] = await selectCart(db, { id });
      return row ? toCart(row) : undefined;
    },
    async replace(expected, next) {
      const updated = await replaceCart(db, { ...toRow(next), id: expected.id, expectedVersion: expected.version });
      return updated.length === 1;
    },
    async closeIfOpen(id, input) {
      const [row] = await closeOpenCart(db, { id, ...input });
      return row ? toCart(row) : undefined;
    },
    close: async () => {},
  };
}

/**
 * Deletes up to `limit` carts neither created nor changed since `cutoff`; answers how many. They
 * are found by creation time (indexed), and a cart changed since is kept.
 */
export async function deleteCartsUnchangedSince(db: Db, cutoff: Date, limit: number): Promise<number> {
  const stale = db
    .select({ id: carts.id })
    .from(carts)
    .where(and(lt(carts.createdAt, cutoff), lt(carts.updatedAt, cutoff)))
    .limit(limit);
  const deleted = await db.delete(carts).where(inArray(carts.id, stale)).returning({ id: carts.id });
  return deleted.length;
}
