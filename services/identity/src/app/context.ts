import type { Backoff } from '@bazar/kit/rate-limit';
import type { ServiceDeps } from '@bazar/kit/service';
import type { IdentityConfig } from '../config.ts';
import type { ProfileCache } from './profile-cache.ts';
import type { KeyRing } from './signing-keys.ts';

/** What identity's use cases need: the host's deps, identity settings and the signing keys. */
export interface IdentityContext {
  deps: ServiceDeps;
  config: IdentityConfig;
  keys: KeyRing;
  profiles: ProfileCache;
  /** Failed logins per address and e-mail, and per address (memory, or Redis when distributed). */
  loginBackoff: Backoff;
}
