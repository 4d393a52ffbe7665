import type { Tx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholders, reusableQuery } from '@bazar/kit/db/reusable-query';
import { scans } from './schema.ts';

export type ScanRow = typeof scans.$inferInsert;

const insertScan = reusableQuery('fulfilment.scan.insert_once', (db) =>
  db
    .insert(scans)
    .values(placeholders('scanId', 'taskId', 'sku', 'quantity', 'pickerId', 'scannedAt'))
    .onConflictDoNothing()
    .returning({ scanId: scans.scanId }),
);

const values = (row: ScanRow) => ({ ...row });

/** Stores a scan by its id now; false when that id is already stored (a repeat). */
export async function insertScanOnce(tx: Tx, row: ScanRow): Promise<boolean> {
  const stored = await insertScan(tx, values(row));
  return stored.length > 0;
}

/**
 * Stores a scan with the unit's other deferred writes; an id already stored (a repeat) makes the
 * unit store nothing and throw `StaleWrite`, so the caller can answer the repeat on the locked path.
 */
export const deferScanOnce = (tx: Tx, row: ScanRow) => deferWrite(tx, insertScan.statement(tx, values(row)), { expectRows: 1 });
