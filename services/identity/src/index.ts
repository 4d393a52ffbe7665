import { fileURLToPath } from 'node:url';
import { WorkerQualified } from '@bazar/contracts/events/workforce';
import { createBackoff } from '@bazar/kit/rate-limit';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { IdentityContext } from './app/context.ts';
import { ensureFirstAdmin } from './app/ensure-first-admin.ts';
import { createProfileCache } from './app/profile-cache.ts';
import { seedDemoStaff } from './app/seed-demo-staff.ts';
import { loadKeyRing } from './app/signing-keys.ts';
import { readIdentityConfig } from './config.ts';
import { inbox, outbox } from './db/schema.ts';
import { TooManyLoginAttempts } from './domain/user.errors.ts';
import { workerQualifiedHandler } from './events/on-worker-qualified.ts';
import { identityRoutes } from './http/routes.ts';

export { MIN_PASSWORD_LENGTH, type ResetPasswordResult, resetPassword } from './app/reset-password.ts';

/** Context is built when routes mount; keys load at start (before the server listens). */
function buildContext(deps: ServiceDeps): IdentityContext {
  const config = readIdentityConfig(deps.env);
  return {
    deps,
    config,
    keys: { kid: '', privateKey: new Uint8Array(), jwks: { keys: [] } },
    profiles: createProfileCache(),
    loginBackoff: createBackoff(deps.counters, { name: 'login', windowSeconds: config.LOGIN_WINDOW_SECONDS, refuse: TooManyLoginAttempts }),
  };
}

/** Identity: accounts, roles, credentials, sessions and the keys that sign access tokens. */
export default defineService({
  name: 'identity',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => identityRoutes(app, ctx),
  subscribes: [WorkerQualified],
  handlers: (ctx) => [workerQualifiedHandler(ctx)],
  async start(ctx) {
    ctx.keys = await loadKeyRing(ctx.deps);
    return { notices: await ensureFirstAdmin(ctx) };
  },
  async seedDemo(ctx) {
    return { notices: await seedDemoStaff(ctx) };
  },
});
