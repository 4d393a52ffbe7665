import { LRUCache } from 'lru-cache';
import type { User } from '../domain/user.ts';

/**
 * Profiles read on every page of the web app, cached briefly. This process forgets a user
 * whenever it changes them; other identity processes see a change within the TTL.
 */
export function createProfileCache(ttlMs = 10_000) {
  return new LRUCache<string, User>({ max: 50_000, ttl: ttlMs });
}
export type ProfileCache = ReturnType<typeof createProfileCache>;
