import analytics, { rebuildAnalytics } from '@bazar/analytics';
import { loadPlatformConfig } from '@bazar/kit/config';
import { openConfiguredDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';

/** `bazar analytics rebuild`: replays analytics' event archive into fresh rollups; resolves to the exit code. */
export async function analyticsCommand(sub: string | undefined): Promise<number> {
  if (sub !== 'rebuild') {
    console.error('usage: bazar analytics rebuild');
    return 2;
  }
  const platform = loadPlatformConfig();
  const database = await openConfiguredDatabase(platform);
  try {
    await migrateService(database, analytics.name, analytics.migrationsFolder);
    const result = await rebuildAnalytics(database);
    console.log(
      `analytics rebuilt from the archive: ${result.events} events folded in ${result.seconds.toFixed(1)} s (rebuild ${result.id})`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
