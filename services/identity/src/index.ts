import { fileURLToPath } from 'node:url';
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
import { identityRoutes } from './http/routes.ts';

export { MIN_PASSWORD_LENGTH, type ResetPasswordResult, resetPassword } from './app/reset-password.ts';

const contexts = new WeakMap<ServiceDeps, IdentityContext>();

/** Context is built when routes mount; keys load at start (before the server listens). */
function contextOf(deps: ServiceDeps): IdentityContext {
  let ctx = contexts.get(deps);
  if (!ctx) {
    const config = readIdentityConfig(deps.env);
    ctx = {
      deps,
      config,
      keys: { kid: '', privateKey: new Uint8Array(), jwks: { keys: [] } },
      profiles: createProfileCache(),
      loginBackoff: createBackoff(deps.counters, {
        name: 'login',
        windowSeconds: config.LOGIN_WINDOW_SECONDS,
        refuse: TooManyLoginAttempts,
      }),
    };
    contexts.set(deps, ctx);
  }
  return ctx;
}

/** Identity: accounts, roles, credentials, sessions and the keys that sign access tokens. */
export default defineService({
  name: 'identity',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  routes: (app, deps) => identityRoutes(app, contextOf(deps)),
  async start(deps) {
    const ctx = contextOf(deps);
    ctx.keys = await loadKeyRing(deps);
    return { notices: await ensureFirstAdmin(ctx) };
  },
  async seedDemo(deps) {
    return { notices: await seedDemoStaff(contextOf(deps)) };
  },
});
