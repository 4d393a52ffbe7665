import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholderFor, reusableInsertRows, reusableQuery, reusableQueryByKeys } from '@bazar/kit/db/reusable-query';
import type { Ids } from '@bazar/kit/ids';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { changesEveryRowOnce, levelsAfter, type StockChange, type StockLevel, type WarehouseStock } from '../domain/stock.ts';
import { stock, stockMovements, warehouses } from './schema.ts';

export type MovementReason = (typeof stockMovements.$inferInsert)['reason'];

/** Why and by whom a batch of changes was made; every change in it becomes one ledger row. */
export interface MovementMeta {
  reason: MovementReason;
  at: Date;
  ids: Ids;
  reservationId?: string;
  /** The purchase order, stock audit or transfer behind the change. */
  documentId?: string;
  actorId?: string;
  note?: string;
}

/** Every warehouse's row of the SKUs, in (sku, warehouse) order, with the default warehouse flagged. */
const stockRowsOf = (db: DbOrTx, skus: readonly unknown[]) =>
  db
    .select({
      sku: stock.sku,
      warehouseId: stock.warehouseId,
      onHand: stock.onHand,
      reserved: stock.reserved,
      isDefault: sql<boolean>`coalesce(${stock.warehouseId} = (select ${warehouses.id} from ${warehouses} where ${warehouses.isDefault}), false)`,
    })
    .from(stock)
    .where(inArray(stock.sku, skus as string[]))
    .orderBy(asc(stock.sku), asc(stock.warehouseId));

/**
 * Locks every stock row of these SKUs, in (sku, warehouse) order so concurrent reservations
 * never deadlock; the caller's transaction holds the locks until it ends.
 */
export async function lockStock(tx: Tx, skus: readonly string[]): Promise<WarehouseStock[]> {
  if (skus.length === 0) return [];
  return selectStockForUpdate(tx, skus);
}

// The default flag comes from a sub-select, not a join, so only stock rows are locked (a join
// would lock the default warehouse's row and serialize every reservation in the shop).
const selectStockForUpdate = reusableQueryByKeys('inventory.stock.lock', (db, skus) => stockRowsOf(db, skus).for('update'));

/** The same rows read without a lock, for a decision a compare-and-set write will confirm. */
export async function readStock(db: DbOrTx, skus: readonly string[]): Promise<WarehouseStock[]> {
  if (skus.length === 0) return [];
  return selectStock(db, skus);
}

const selectStock = reusableQueryByKeys('inventory.stock.read', stockRowsOf);

/** Creates an empty row for a SKU in a warehouse when there is none (initial stock, adjustments). */
export async function ensureStockRow(tx: Tx, sku: string, warehouseId: string, at: Date): Promise<void> {
  await tx.insert(stock).values({ sku, warehouseId, onHand: 0, reserved: 0, updatedAt: at }).onConflictDoNothing();
}

/** The id of the default warehouse (created by the migration). */
export async function defaultWarehouseId(db: DbOrTx): Promise<string> {
  const [row] = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.isDefault, true));
  if (!row) throw new Error('inventory: the default warehouse is missing (migration 0001 not applied?)');
  return row.id;
}

/**
 * The one way stock rows change: applies each change atomically to its row and writes a movement
 * with the levels after it; answers those levels and each SKU's total available (for the event the
 * caller publishes: app/change-stock.ts). The rows must exist (and should be locked by the caller
 * when a rule depends on them). Given the rows the caller locked (`lockStock`: every warehouse of
 * these SKUs), the levels after are worked out from them and the changes join the transaction's
 * deferred writes; otherwise each change is sent and the totals read back.
 */
export async function writeStockChanges(
  tx: Tx,
  changes: readonly StockChange[],
  meta: MovementMeta,
  locked?: readonly StockLevel[],
  options: { ifUnchanged?: boolean } = {},
): Promise<{ after: StockLevel[]; totals: Map<string, number> }> {
  const known = locked && levelsAfter(locked, changes);
  if (options.ifUnchanged && !(known && locked && changesEveryRowOnce(locked, changes))) {
    throw new Error('inventory: a compare-and-set stock change needs one change for each row it read');
  }
  const after: StockLevel[] = [];
  if (known && locked) {
    for (const change of changes) {
      const read = options.ifUnchanged ? locked.find((row) => row.sku === change.sku && row.warehouseId === change.warehouseId) : undefined;
      const values = {
        ...change,
        at: meta.at,
        readOnHand: read?.onHand ?? null,
        readReserved: read?.reserved ?? null,
        readRows: read ? locked.filter((row) => row.sku === change.sku).length : null,
      };
      await deferWrite(tx, (read ? moveStockIfUnchanged : moveStockBy).statement(tx, values), read ? { expectRows: 1 } : {});
    }
    after.push(...known.after);
  } else {
    for (const change of changes) {
      const [row] = await moveStock(tx, { ...change, at: meta.at });
      if (!row) throw new Error(`inventory: no stock row for ${change.sku} in ${change.warehouseId}`);
      after.push(row);
    }
  }
  if (changes.length === 0) return { after, totals: new Map() };
  const movements = changes.map((change, i) => ({
    id: meta.ids.next(),
    sku: change.sku,
    warehouseId: change.warehouseId,
    reason: meta.reason,
    onHandDelta: change.onHandDelta,
    reservedDelta: change.reservedDelta,
    onHandAfter: after[i]?.onHand ?? 0,
    reservedAfter: after[i]?.reserved ?? 0,
    reservationId: meta.reservationId ?? null,
    documentId: meta.documentId ?? null,
    actorId: meta.actorId ?? null,
    note: meta.note ?? null,
    createdAt: meta.at,
  }));
  // Movements are history nothing reads back before commit: sent with the transaction's other deferred writes.
  await deferWrite(tx, insertMovements.statement(tx, movements));
  const totals = known?.totals ?? (await totalAvailable(tx, [...new Set(after.map((level) => level.sku))]));
  return { after, totals };
}

/** Available units per SKU summed over all warehouses (what catalog shows as in stock). */
async function totalAvailable(tx: Tx, skus: string[]): Promise<Map<string, number>> {
  const rows = await selectTotalAvailable(tx, skus);
  return new Map(rows.map((row) => [row.sku, Number(row.available)]));
}

const selectTotalAvailable = reusableQueryByKeys('inventory.stock.total_available', (db, skus) =>
  db
    .select({ sku: stock.sku, available: sql<number>`sum(${stock.onHand} - ${stock.reserved})::int` })
    .from(stock)
    .where(inArray(stock.sku, skus as string[]))
    .groupBy(stock.sku),
);

// One row's change by deltas, so concurrent changes to a row add up. `ifAsRead` also requires the
// exact levels read and as many rows of the SKU as were read (a warehouse may have started to stock
// it since): the movement's levels after it and the event's totals are then exact too.
const moveStockRow = (db: DbOrTx, ifAsRead = false) =>
  db
    .update(stock)
    .set({
      onHand: sql`${stock.onHand} + ${sql.placeholder('onHandDelta')}::int`,
      reserved: sql`${stock.reserved} + ${sql.placeholder('reservedDelta')}::int`,
      updatedAt: placeholderFor<Date>('at'),
    })
    .where(
      and(
        eq(stock.sku, sql.placeholder('sku')),
        eq(stock.warehouseId, sql.placeholder('warehouseId')),
        ifAsRead ? eq(stock.onHand, sql.placeholder('readOnHand')) : undefined,
        ifAsRead ? eq(stock.reserved, sql.placeholder('readReserved')) : undefined,
        ifAsRead
          ? sql`(SELECT count(*) FROM ${stock} AS rows_of_sku WHERE rows_of_sku.sku = ${stock.sku}) = ${sql.placeholder('readRows')}::bigint`
          : undefined,
      ),
    );
const moveStockBy = reusableQuery('inventory.stock.move_by', (db) => moveStockRow(db));
const moveStockIfUnchanged = reusableQuery('inventory.stock.move_if_unchanged', (db) => moveStockRow(db, true));
const moveStock = reusableQuery('inventory.stock.move', (db) =>
  moveStockRow(db).returning({ sku: stock.sku, warehouseId: stock.warehouseId, onHand: stock.onHand, reserved: stock.reserved }),
);

const insertMovements = reusableInsertRows('inventory.stock_movements.insert', stockMovements, [
  'id',
  'sku',
  'warehouseId',
  'reason',
  'onHandDelta',
  'reservedDelta',
  'onHandAfter',
  'reservedAfter',
  'reservationId',
  'documentId',
  'actorId',
  'note',
  'createdAt',
]);
