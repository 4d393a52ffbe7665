import { loadPlatformConfig } from '@bazar/kit/config';
import { openConfiguredDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';
import payments, { type LedgerReport, verifyLedger } from '@bazar/payments';

/** `bazar ledger verify`: proves the payments ledger balances; resolves to the process exit code (1 on a violation). */
export async function ledgerCommand(sub: string | undefined): Promise<number> {
  if (sub !== 'verify') {
    console.error('usage: bazar ledger verify');
    return 2;
  }
  const platform = loadPlatformConfig();
  const database = await openConfiguredDatabase(platform);
  try {
    // An empty database has an empty, balanced ledger; migrating first makes that true rather than an error.
    await migrateService(database, payments.name, payments.migrationsFolder);
    const report = await verifyLedger(database);
    console.log(formatReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

function formatReport(report: LedgerReport): string {
  const lines = [
    `ledger verify at ${report.checkedAt}: ${report.ok ? 'OK' : `${report.violations.length} VIOLATION(S)`}`,
    `  ${report.entries} entries, ${report.postings} postings`,
    '  balances (posted entries; debits − credits):',
    ...report.accounts.map(
      (a) => `    ${a.account.padEnd(28)} ${a.currency}  debits ${a.debits}  credits ${a.credits}  net ${a.debits - a.credits}`,
    ),
  ];
  for (const v of report.violations) {
    const where = [
      v.entryId && `entry ${v.entryId}`,
      v.paymentId && `payment ${v.paymentId}`,
      v.account && `account ${v.account}`,
      v.currency,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ✗ ${v.rule}${where ? ` (${where})` : ''}: ${v.detail}`);
  }
  return lines.join('\n');
}
