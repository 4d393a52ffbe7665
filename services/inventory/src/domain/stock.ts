/** Stock of one SKU in one warehouse, as stored. */
export interface StockLevel {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
}

/** A stock row with what allocation needs to know about its warehouse. */
export interface WarehouseStock extends StockLevel {
  /** True for the default warehouse, which reservations draw from first. */
  isDefault: boolean;
}

/** A quantity of a SKU taken from one warehouse. */
export interface Allocation {
  sku: string;
  warehouseId: string;
  quantity: number;
}

/** A requested SKU that cannot be covered: what was asked and what all warehouses have free. */
export interface Shortage {
  sku: string;
  requested: number;
  available: number;
}

/** What one change does to a stock row; the ledger keeps one movement per change. */
export interface StockChange {
  sku: string;
  warehouseId: string;
  onHandDelta: number;
  reservedDelta: number;
}

export const availableOf = (level: Pick<StockLevel, 'onHand' | 'reserved'>) => level.onHand - level.reserved;

/** Sums repeated SKUs and sorts by SKU, so rows are always locked in one order (no deadlocks). */
export function mergeLines(lines: readonly { sku: string; quantity: number }[]): { sku: string; quantity: number }[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return [...totals].map(([sku, quantity]) => ({ sku, quantity })).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * Warehouse preference for one SKU: the default warehouse first, then the one with most
 * available (ties by id, so the choice is deterministic).
 */
function byPreference(levels: WarehouseStock[]): WarehouseStock[] {
  return [...levels].sort(
    (a, b) =>
      Number(b.isDefault) - Number(a.isDefault) ||
      availableOf(b) - availableOf(a) ||
      (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0),
  );
}

/** Places one line: a single warehouse when one can cover it, else split in preference order. */
function allocateLine(sku: string, quantity: number, levels: WarehouseStock[]): Allocation[] {
  const ordered = byPreference(levels);
  const whole = ordered.find((level) => availableOf(level) >= quantity);
  if (whole) return [{ sku, warehouseId: whole.warehouseId, quantity }];
  const allocations: Allocation[] = [];
  let left = quantity;
  for (const level of ordered) {
    const take = Math.min(left, availableOf(level));
    if (take <= 0) continue;
    allocations.push({ sku, warehouseId: level.warehouseId, quantity: take });
    left -= take;
    if (left === 0) break;
  }
  return allocations;
}

/**
 * The warehouse that can serve every line alone, if any: the default one when it can, else the one
 * with the most available units of the order's SKUs (ties by id). One warehouse means one parcel
 * and one picking task.
 */
export function wholeOrderWarehouse(
  lines: readonly { sku: string; quantity: number }[],
  levels: readonly WarehouseStock[],
): string | undefined {
  const candidates = new Map<string, { isDefault: boolean; available: number; covered: number }>();
  for (const line of lines) {
    for (const level of levels) {
      if (level.sku !== line.sku || availableOf(level) < line.quantity) continue;
      const seen = candidates.get(level.warehouseId) ?? { isDefault: level.isDefault, available: 0, covered: 0 };
      candidates.set(level.warehouseId, { ...seen, available: seen.available + availableOf(level), covered: seen.covered + 1 });
    }
  }
  const whole = [...candidates].filter(([, c]) => c.covered === lines.length);
  whole.sort(
    ([aId, a], [bId, b]) => Number(b.isDefault) - Number(a.isDefault) || b.available - a.available || (aId < bId ? -1 : aId > bId ? 1 : 0),
  );
  return whole[0]?.[0];
}

/**
 * All-or-nothing placement of requested lines over the stock of their SKUs: either every line
 * is covered, or the shortages name each SKU that is not (and nothing should be reserved).
 * The whole order comes from one warehouse when one can serve it (`wholeOrderWarehouse`); else
 * each line is placed on its own, in one warehouse if one covers it, else split.
 */
export function allocate(
  lines: readonly { sku: string; quantity: number }[],
  levels: readonly WarehouseStock[],
): { ok: true; allocations: Allocation[] } | { ok: false; shortages: Shortage[] } {
  const allocations: Allocation[] = [];
  const shortages: Shortage[] = [];
  for (const line of mergeLines(lines)) {
    const ofSku = levels.filter((level) => level.sku === line.sku);
    const available = ofSku.reduce((sum, level) => sum + Math.max(0, availableOf(level)), 0);
    if (available < line.quantity) shortages.push({ sku: line.sku, requested: line.quantity, available });
    else allocations.push(...allocateLine(line.sku, line.quantity, ofSku));
  }
  if (shortages.length > 0) return { ok: false, shortages };
  const merged = mergeLines(lines);
  const single = wholeOrderWarehouse(merged, levels);
  if (single) return { ok: true, allocations: merged.map((line) => ({ sku: line.sku, warehouseId: single, quantity: line.quantity })) };
  return { ok: true, allocations };
}

/** Reserving holds stock without moving it: reserved grows, on-hand stays. */
export const reserveChanges = (allocations: readonly Allocation[]): StockChange[] =>
  allocations.map((a) => ({ sku: a.sku, warehouseId: a.warehouseId, onHandDelta: 0, reservedDelta: a.quantity }));

/** Releasing gives held stock back: reserved drops, on-hand stays. */
export const releaseChanges = (allocations: readonly Allocation[]): StockChange[] =>
  allocations.map((a) => ({ sku: a.sku, warehouseId: a.warehouseId, onHandDelta: 0, reservedDelta: -a.quantity }));

/** Committing means the goods left the warehouse: on-hand and reserved both drop. */
export const commitChanges = (allocations: readonly Allocation[]): StockChange[] =>
  allocations.map((a) => ({ sku: a.sku, warehouseId: a.warehouseId, onHandDelta: -a.quantity, reservedDelta: -a.quantity }));

/**
 * The levels after `changes`, worked out from the rows the transaction holds locked (every
 * warehouse of each changed SKU): each change's row as it leaves it, and each changed SKU's
 * available units over all warehouses. Undefined when a change's row is not among them.
 */
export function levelsAfter(
  locked: readonly StockLevel[],
  changes: readonly StockChange[],
): { after: StockLevel[]; totals: Map<string, number> } | undefined {
  const rows = new Map(locked.map((row) => [`${row.sku}\u0000${row.warehouseId}`, { ...row }]));
  const after: StockLevel[] = [];
  for (const change of changes) {
    const row = rows.get(`${change.sku}\u0000${change.warehouseId}`);
    if (!row) return undefined;
    row.onHand += change.onHandDelta;
    row.reserved += change.reservedDelta;
    after.push({ sku: row.sku, warehouseId: row.warehouseId, onHand: row.onHand, reserved: row.reserved });
  }
  const totals = new Map<string, number>();
  for (const sku of new Set(changes.map((change) => change.sku))) {
    totals.set(
      sku,
      [...rows.values()].filter((row) => row.sku === sku).reduce((sum, row) => sum + availableOf(row), 0),
    );
  }
  return { after, totals };
}

/**
 * Every row read gets exactly one change: a compare-and-set on each then confirms all of what was
 * read, so the levels after and the SKU totals worked out from them are exact.
 */
export function changesEveryRowOnce(rows: readonly StockLevel[], changes: readonly StockChange[]): boolean {
  const key = (r: { sku: string; warehouseId: string }) => `${r.sku}\u0000${r.warehouseId}`;
  const changed = new Set(changes.map(key));
  return changed.size === changes.length && changed.size === rows.length && rows.every((row) => changed.has(key(row)));
}

/** True when a manual adjustment keeps the row valid: available (and so on-hand) stays at or above zero. */
export const canAdjust = (level: Pick<StockLevel, 'onHand' | 'reserved'>, delta: number) => availableOf(level) + delta >= 0;
