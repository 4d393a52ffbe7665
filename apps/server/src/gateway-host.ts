import { edgeProtection, mergeOpenApi, opsRoutes, proxyRoutes, readEdgeConfig, webRoutes } from '@bazar/gateway';
import { loadPlatformConfig } from '@bazar/kit/config';
import { createHttpApp, type HttpApp } from '@bazar/kit/http/app';
import { createJwksResolver, createTokenVerifier } from '@bazar/kit/http/auth';
import { createLogger } from '@bazar/kit/log';
import { startTracing } from '@bazar/kit/tracing';

export interface RunningGateway {
  app: HttpApp;
  url: string;
  upstreams: Map<string, string>;
  stop(): Promise<void>;
}

/**
 * `bazar serve gateway`: the public entry in distributed mode. It owns nothing; it forwards to
 * the services named by `<SERVICE>_URL` and merges their OpenAPI documents.
 */
export async function startGateway(env: Record<string, string | undefined> = process.env): Promise<RunningGateway> {
  const platform = loadPlatformConfig(env);
  const traces = await startTracing(env, 'bazar-gateway');
  const edgeConfig = readEdgeConfig(env);
  const log = createLogger(platform.LOG_LEVEL);
  const app = await createHttpApp({ log, title: 'Bazar API (gateway)', docs: false, trustProxy: platform.TRUST_PROXY });
  // Per-user limits need to know whose token it is: verified against identity's keys, as a service would.
  const identity = env.IDENTITY_URL;
  const verifier = identity
    ? createTokenVerifier(createJwksResolver(async () => (await fetch(new URL('/.well-known/jwks.json', identity))).json()))
    : undefined;
  const edge = await edgeProtection(app, {
    config: edgeConfig,
    redisUrl: platform.REDIS_URL,
    ...(verifier
      ? {
          userOf: (token: string) =>
            verifier.verify(token).then(
              (u) => u.id,
              () => undefined,
            ),
        }
      : {}),
  });
  let upstreams = new Map<string, string>();
  opsRoutes(app, [
    {
      name: 'upstreams',
      check: async () => {
        const down: string[] = [];
        await Promise.all(
          [...upstreams].map(async ([name, url]) => {
            const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
              (r) => r.ok,
              () => false,
            );
            if (!ok) down.push(name);
          }),
        );
        if (down.length > 0) throw new Error(`not answering: ${down.join(', ')}`);
      },
    },
  ]);
  app.get('/openapi.json', { schema: { hide: true } }, async () => {
    const documents = await Promise.all(
      [...upstreams.values()].map((url) =>
        fetch(`${url}/openapi.json`, { signal: AbortSignal.timeout(5_000) }).then(
          (r) => (r.ok ? r.json() : {}),
          () => ({}),
        ),
      ),
    );
    return mergeOpenApi(app.swagger() as Record<string, unknown>, documents as Record<string, unknown>[]);
  });
  upstreams = await proxyRoutes(app, env);
  if (!(await webRoutes(app))) log.warn('web app not built (apps/web/dist): run `npm run build` to serve it at /');
  await app.ready();
  const url = await app.listen({ port: platform.PORT, host: platform.HOST });
  return {
    app,
    url,
    upstreams,
    async stop() {
      await app.close();
      await edge.close();
      await traces.shutdown();
    },
  };
}
