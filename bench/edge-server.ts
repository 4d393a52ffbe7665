// The gateway's own app with or without its edge (limits counted in memory or Redis, never
// reached), answering one API route: what the edge costs a request. EDGE=off|memory|redis.
import { edgeProtection, readEdgeConfig } from '@bazar/gateway';
import { createHttpApp } from '@bazar/kit/http/app';
import { createJwksResolver, createTokenVerifier } from '@bazar/kit/http/auth';
import { createLogger } from '@bazar/kit/log';
import { createTestTokens } from '@bazar/kit/testing';

const mode = process.env.EDGE ?? 'off';
const tokens = await createTestTokens();
const verifier = createTokenVerifier(createJwksResolver(async () => tokens.jwks));
const app = await createHttpApp({ log: createLogger('silent'), title: 'edge bench', docs: false });
const edge =
  mode === 'off'
    ? undefined
    : await edgeProtection(app, {
        config: readEdgeConfig({
          RATE_LIMIT_PER_ADDRESS: '1000000000',
          RATE_LIMIT_PER_USER: '1000000000',
          RATE_LIMIT_REDIS_PREFIX: `bazar-bench:${process.pid}:rate:`,
        }),
        redisUrl: mode === 'redis' ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined,
        userOf: (token) =>
          verifier.verify(token).then(
            (u) => u.id,
            () => undefined,
          ),
      });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/token', async () => ({ token: await tokens.issue({ roles: ['customer'] }) }));
app.get('/api/v1/thing', async () => ({ id: '0190a5d4-0000-7000-8000-000000000000', name: 'thing', roles: ['customer'] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await edge?.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
