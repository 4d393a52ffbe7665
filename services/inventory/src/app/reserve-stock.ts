import { isUniqueViolation, StaleWrite } from '@bazar/kit/errors';
import { addReservation, addReservationLines, claimReservation, findReservation } from '../db/reservation-repo.ts';
import { lockStock, readStock } from '../db/stock-repo.ts';
import { OutOfStock, ReservationMismatch } from '../domain/inventory.errors.ts';
import { isPlaceholder, isSameRequest, type Reservation } from '../domain/reservation.ts';
import { type Allocation, allocate, changesEveryRowOnce, mergeLines, reserveChanges, type WarehouseStock } from '../domain/stock.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

export interface ReserveStockInput {
  reservationId: string;
  orderId?: string | null;
  lines: { sku: string; quantity: number }[];
}

/**
 * Holds stock for every line or for none (409 `inventory.out_of_stock` naming each short SKU).
 * Idempotent by reservationId: a repeat returns the stored reservation with `created: false`.
 * This process's reservations of a SKU run one after another (`SkuTurns`), each from the levels the
 * one before left.
 */
export async function reserveStock(
  ctx: InventoryContext,
  input: ReserveStockInput,
): Promise<{ reservation: Reservation; created: boolean }> {
  const lines = mergeLines(input.lines);
  const skus = lines.map((line) => line.sku);
  return ctx.skuTurns.take(skus, () => reserveInTurn(ctx, input, lines, skus));
}

/** The reservation once its turn has come: remembered levels, then levels read now, then the locked path. */
async function reserveInTurn(
  ctx: InventoryContext,
  input: ReserveStockInput,
  lines: { sku: string; quantity: number }[],
  skus: string[],
): Promise<{ reservation: Reservation; created: boolean }> {
  // The levels this process's last reservation of these SKUs left, when it remembers them: one
  // statement. Then the levels read now: two. Then the locked path, which decides every case.
  const remembered = ctx.recentStock.get(skus);
  if (remembered) {
    const reserved = await reserveUnlocked(ctx, input, lines, remembered);
    if (reserved) return reserved;
    ctx.recentStock.forget(skus);
  }
  const reserved = await reserveUnlocked(ctx, input, lines, await readStock(ctx.deps.db, skus));
  if (reserved) return reserved;
  try {
    return await reserveLocked(ctx, input, lines);
  } finally {
    ctx.recentStock.forget(skus);
  }
}

/**
 * The common case without a lock: the lines placed on the stock as `read` (just now, or as this
 * process last left it), and the reservation, its lines, the stock changes (each a
 * compare-and-set on the levels read and on the number of the SKU's rows), their movements and
 * events written as one statement. Undefined, with nothing stored, when that cannot be sure of its
 * answer — a level moved since, the id was used before, a shortage (stock may have arrived since),
 * a SKU in several warehouses not all changed — and the caller reads again or takes the locked path.
 */
async function reserveUnlocked(
  ctx: InventoryContext,
  input: ReserveStockInput,
  lines: { sku: string; quantity: number }[],
  read: WarehouseStock[],
): Promise<{ reservation: Reservation; created: boolean } | undefined> {
  const placed = allocate(lines, read);
  if (!placed.ok) return undefined;
  const changes = reserveChanges(placed.allocations);
  if (!changesEveryRowOnce(read, changes)) return undefined;
  try {
    const { reservation, after } = await ctx.deps.uow(async (uow) => {
      const at = ctx.deps.clock.now();
      const values = { id: input.reservationId, orderId: input.orderId ?? null, status: 'reserved', createdAt: at };
      await addReservation(uow.tx, values);
      await addReservationLines(uow.tx, input.reservationId, placed.allocations);
      const meta = { reason: 'reserve' as const, at, ids: ctx.deps.ids, reservationId: input.reservationId };
      const after = await changeStock(uow, changes, meta, read, { ifUnchanged: true });
      return { reservation: reservationOf(input, placed.allocations), after };
    });
    const isDefault = new Map(read.map((row) => [row.warehouseId, row.isDefault]));
    ctx.recentStock.remember(after.map((row) => ({ ...row, isDefault: isDefault.get(row.warehouseId) ?? false })));
    return { reservation, created: true };
  } catch (error) {
    // The id's reservation or its lines already exist: a repeat, for the locked path to answer.
    const repeat =
      isUniqueViolation(error, 'reservations_pkey') || isUniqueViolation(error, 'reservation_lines_reservation_id_sku_warehouse_id_pk');
    if (error instanceof StaleWrite || repeat) return undefined;
    throw error;
  }
}

const reservationOf = (input: ReserveStockInput, allocations: Allocation[]): Reservation => ({
  reservationId: input.reservationId,
  orderId: input.orderId ?? null,
  status: 'reserved',
  lines: allocations,
});

/** The path that decides every case: the id claimed first, then the stock rows locked. */
async function reserveLocked(
  ctx: InventoryContext,
  input: ReserveStockInput,
  lines: { sku: string; quantity: number }[],
): Promise<{ reservation: Reservation; created: boolean }> {
  const { clock, ids } = ctx.deps;
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = clock.now();
    // Claiming the id first serializes two calls with the same reservationId: the second waits
    // here for the first to commit (then replays it) or roll back (then reserves itself).
    const claimed = await claimReservation(tx, {
      id: input.reservationId,
      orderId: input.orderId ?? null,
      status: 'reserved',
      createdAt: at,
    });
    if (claimed.length === 0) {
      const existing = await findReservation(tx, input.reservationId);
      if (!existing) throw new Error(`inventory: reservation ${input.reservationId} conflicted but is not visible`);
      if (!isPlaceholder(existing) && !isSameRequest(existing.lines, lines)) throw ReservationMismatch(input.reservationId);
      return { reservation: existing, created: false };
    }
    const locked = await lockStock(
      tx,
      lines.map((line) => line.sku),
    );
    const placed = allocate(lines, locked);
    if (!placed.ok) throw OutOfStock(placed.shortages);
    await addReservationLines(tx, input.reservationId, placed.allocations);
    const changes = reserveChanges(placed.allocations);
    await changeStock(uow, changes, { reason: 'reserve', at, ids, reservationId: input.reservationId }, locked);
    return { reservation: reservationOf(input, placed.allocations), created: true };
  });
}
