import inventory, { type StockReport, verifyStock } from '@bazar/inventory';
import { loadPlatformConfig } from '@bazar/kit/config';
import { openConfiguredDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';

/** `bazar stock verify`: proves on hand and reserved agree with the movements and reservations; resolves to the exit code. */
export async function stockCommand(sub: string | undefined): Promise<number> {
  if (sub !== 'verify') {
    console.error('usage: bazar stock verify');
    return 2;
  }
  const database = await openConfiguredDatabase(loadPlatformConfig());
  try {
    await migrateService(database, inventory.name, inventory.migrationsFolder);
    const report = await verifyStock(database);
    console.log(formatStockReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

export function formatStockReport(report: StockReport): string {
  return [
    `stock verify at ${report.checkedAt}: ${report.ok ? 'OK' : `${report.violations.length} VIOLATION(S)`}`,
    `  ${report.rows} stock rows, ${report.movements} movements`,
    ...report.violations.map((v) => `  ✗ ${v.rule} (SKU ${v.sku}, warehouse ${v.warehouseId}): ${v.detail}`),
  ].join('\n');
}
