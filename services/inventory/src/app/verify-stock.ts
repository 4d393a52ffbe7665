import type { SqlSession } from '@bazar/kit/db/database';

/** One way the stock books disagree with themselves, naming the SKU and warehouse. */
export interface StockViolation {
  rule: 'on_hand_is_sum_of_movements' | 'reserved_is_sum_of_movements' | 'reserved_is_open_reservations';
  sku: string;
  warehouseId: string;
  detail: string;
}

export interface StockReport {
  ok: boolean;
  checkedAt: string;
  rows: number;
  movements: number;
  violations: StockViolation[];
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * `bazar stock verify`: for every SKU and warehouse, on hand equals the sum of its movements,
 * reserved equals the sum of their reserved deltas, and reserved equals what open reservations hold.
 */
export async function verifyStock(database: SqlSession): Promise<StockReport> {
  const [counts] = await database.query<{ rows: string; movements: string }>(
    'SELECT (SELECT count(*) FROM inventory.stock) AS rows, (SELECT count(*) FROM inventory.stock_movements) AS movements',
  );
  const books = await database.query<{
    sku: string;
    warehouse_id: string;
    on_hand: number;
    reserved: number;
    moved: string;
    held: string;
    open: string;
  }>(
    `SELECT keys.sku, keys.warehouse_id, coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved,
            coalesce(m.on_hand, 0) AS moved, coalesce(m.reserved, 0) AS held, coalesce(r.quantity, 0) AS open
     FROM (SELECT sku, warehouse_id FROM inventory.stock UNION SELECT sku, warehouse_id FROM inventory.stock_movements) keys
     LEFT JOIN inventory.stock s ON s.sku = keys.sku AND s.warehouse_id = keys.warehouse_id
     LEFT JOIN (SELECT sku, warehouse_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                FROM inventory.stock_movements GROUP BY sku, warehouse_id) m ON m.sku = keys.sku AND m.warehouse_id = keys.warehouse_id
     LEFT JOIN (SELECT l.sku, l.warehouse_id, sum(l.quantity) AS quantity FROM inventory.reservation_lines l
                JOIN inventory.reservations r ON r.id = l.reservation_id WHERE r.status = 'reserved' GROUP BY l.sku, l.warehouse_id) r
            ON r.sku = keys.sku AND r.warehouse_id = keys.warehouse_id
     WHERE coalesce(s.on_hand, 0) <> coalesce(m.on_hand, 0) OR coalesce(s.reserved, 0) <> coalesce(m.reserved, 0)
        OR coalesce(s.reserved, 0) <> coalesce(r.quantity, 0)
     ORDER BY keys.sku, keys.warehouse_id`,
  );
  const violations: StockViolation[] = [];
  for (const row of books) {
    const where = { sku: row.sku, warehouseId: row.warehouse_id };
    if (n(row.on_hand) !== n(row.moved)) {
      violations.push({ rule: 'on_hand_is_sum_of_movements', ...where, detail: `on hand ${n(row.on_hand)} ≠ movements ${n(row.moved)}` });
    }
    if (n(row.reserved) !== n(row.held)) {
      violations.push({ rule: 'reserved_is_sum_of_movements', ...where, detail: `reserved ${n(row.reserved)} ≠ movements ${n(row.held)}` });
    }
    if (n(row.reserved) !== n(row.open)) {
      violations.push({
        rule: 'reserved_is_open_reservations',
        ...where,
        detail: `reserved ${n(row.reserved)} ≠ open reservations ${n(row.open)}`,
      });
    }
  }
  return {
    ok: violations.length === 0,
    checkedAt: new Date().toISOString(),
    rows: n(counts?.rows),
    movements: n(counts?.movements),
    violations,
  };
}
