import type { ServiceDeps } from '@bazar/kit/service';
import { isNull } from 'drizzle-orm';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { signingKeys } from '../db/schema.ts';

export interface KeyRing {
  kid: string;
  privateKey: CryptoKey | Uint8Array;
  /** Public keys of every key not retired, so tokens signed before a rotation still verify. */
  jwks: JSONWebKeySet;
}

/**
 * Loads the newest signing key, creating one on first start. Keys live in the database so every
 * identity process signs with the same key and others verify it from the JWKS.
 */
export async function loadKeyRing(deps: ServiceDeps): Promise<KeyRing> {
  let rows = await deps.db.select().from(signingKeys).where(isNull(signingKeys.retiredAt));
  if (rows.length === 0) {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = deps.ids.next();
    const meta = { kid, alg: 'EdDSA', use: 'sig' };
    await deps.db
      .insert(signingKeys)
      .values({
        kid,
        privateJwk: { ...(await exportJWK(privateKey)), ...meta },
        publicJwk: { ...(await exportJWK(publicKey)), ...meta },
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing();
    rows = await deps.db.select().from(signingKeys).where(isNull(signingKeys.retiredAt));
  }
  const newest = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!newest) throw new Error('no signing key');
  return {
    kid: newest.kid,
    privateKey: await importJWK(newest.privateJwk as JWK, 'EdDSA'),
    jwks: { keys: rows.map((r) => r.publicJwk as JWK) },
  };
}
