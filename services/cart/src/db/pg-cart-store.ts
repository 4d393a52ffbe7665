import type { Db } from '@bazar/kit/db/database';
import { and, eq } from 'drizzle-orm';
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

/** Carts in `cart.carts`; changes are one conditional UPDATE on the version, so no transaction is held. */
export function createPgCartStore(db: Db): CartStore {
  return {
    async create(cart) {
      await db.insert(carts).values({ id: cart.id, createdAt: new Date(cart.createdAt), ...toRow(cart) });
    },
    async get(id) {
      const [row] = await db.select().from(carts).where(eq(carts.id, id));
      return row ? toCart(row) : undefined;
    },
    async replace(expected, next) {
      const updated = await db
        .update(carts)
        .set(toRow(next))
        .where(and(eq(carts.id, expected.id), eq(carts.version, expected.version)))
        .returning({ id: carts.id });
      return updated.length === 1;
    },
    close: async () => {},
  };
}
