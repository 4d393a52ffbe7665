import identity, { MIN_PASSWORD_LENGTH, resetPassword } from '@bazar/identity';
import { loadPlatformConfig } from '@bazar/kit/config';
import { openConfiguredDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';

const USAGE = `usage: bazar admin reset-password <email> [--password-stdin]
  sets a new password and signs the account out everywhere: read from stdin with --password-stdin,
  else from BAZAR_NEW_PASSWORD, else generated and printed`;

/** `bazar admin …`: operator commands run against the configured database; resolves to the exit code. */
export async function adminCommand(args: string[], options: { passwordFromStdin: boolean }, env = process.env): Promise<number> {
  const [sub, email] = args;
  if (sub !== 'reset-password' || !email) {
    console.error(USAGE);
    return 2;
  }
  const password = options.passwordFromStdin ? await firstLineOfStdin() : env.BAZAR_NEW_PASSWORD || undefined;
  const database = await openConfiguredDatabase(loadPlatformConfig(env));
  try {
    await migrateService(database, identity.name, identity.migrationsFolder);
    const result = await resetPassword(database.db, { email, now: new Date(), ...(password === undefined ? {} : { password }) });
    if (!result.ok) {
      console.error(
        result.reason === 'no_such_user'
          ? `No account with the e-mail ${email}`
          : `The new password is too short: at least ${MIN_PASSWORD_LENGTH} characters`,
      );
      return 1;
    }
    console.log(
      result.generated
        ? `Password of ${result.email} reset: ${result.password}  (generated; every session signed out)`
        : `Password of ${result.email} reset (every session signed out)`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}
