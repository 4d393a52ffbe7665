import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import { toAddress } from '../db/address-repo.ts';
import { addresses, users } from '../db/schema.ts';
import { AddressBookFull, AddressNotFound } from '../domain/address.errors.ts';
import { type Address, type AddressInput, cleanAddress, MAX_ADDRESSES } from '../domain/address.ts';
import { UserNotFound } from '../domain/user.errors.ts';
import type { IdentityContext } from './context.ts';

/** The signed-in user's saved addresses, the default first, then oldest first. */
export async function listAddresses(ctx: IdentityContext, userId: string): Promise<Address[]> {
  const rows = await ctx.deps.db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt), asc(addresses.id));
  return rows.map(toAddress);
}

/** Saves an address; the first one, or one marked default, becomes the default. */
export async function addAddress(ctx: IdentityContext, userId: string, input: AddressInput): Promise<Address> {
  const clean = cleanAddress(input);
  return ctx.deps.db.transaction(async (tx) => {
    // The user's row is the lock that keeps two concurrent saves from passing the limit together.
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!owner) throw UserNotFound(userId);
    const [{ n = 0 } = {}] = await tx.select({ n: count() }).from(addresses).where(eq(addresses.userId, userId));
    if (n >= MAX_ADDRESSES) throw AddressBookFull();
    const isDefault = n === 0 || clean.isDefault === true;
    if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    const [row] = await tx
      .insert(addresses)
      .values({
        id: ctx.deps.ids.next(),
        userId,
        label: clean.label ?? null,
        recipient: clean.recipient,
        phone: clean.phone ?? null,
        city: clean.city,
        street: clean.street,
        house: clean.house,
        apartment: clean.apartment ?? null,
        postalCode: clean.postalCode ?? null,
        isDefault,
        createdAt: ctx.deps.clock.now(),
      })
      .returning();
    return toAddress(row as typeof addresses.$inferSelect);
  });
}

/** Changes some fields of a saved address; `isDefault: true` moves the default to it. */
export async function updateAddress(ctx: IdentityContext, userId: string, id: string, input: Partial<AddressInput>): Promise<Address> {
  const clean = cleanAddress(input);
  return ctx.deps.db.transaction(async (tx) => {
    const mine = and(eq(addresses.id, id), eq(addresses.userId, userId));
    const [current] = await tx.select().from(addresses).where(mine).for('update');
    if (!current) throw AddressNotFound(id);
    // The default is moved, never dropped: unsetting it on the only default would leave none.
    const { isDefault, ...fields } = clean;
    if (isDefault === true) {
      await tx
        .update(addresses)
        .set({ isDefault: false })
        .where(and(eq(addresses.userId, userId), ne(addresses.id, id)));
    }
    const [row] = await tx
      .update(addresses)
      .set({ ...fields, ...(isDefault === true ? { isDefault: true } : {}) })
      .where(mine)
      .returning();
    return toAddress(row as typeof addresses.$inferSelect);
  });
}

/** Deletes a saved address; when it was the default, the oldest remaining one takes its place. */
export async function deleteAddress(ctx: IdentityContext, userId: string, id: string): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
      .returning();
    if (!gone) throw AddressNotFound(id);
    if (!gone.isDefault) return;
    const [next] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(eq(addresses.userId, userId))
      .orderBy(asc(addresses.createdAt))
      .limit(1);
    if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
  });
}
