/**
 * Boundaries from DESIGN §2: a service imports only the kit and contracts; the gateway never
 * reaches into a service; the kit and contracts never import a service or an app.
 */
module.exports = {
  forbidden: [
    {
      name: 'service-imports-another-service',
      comment: 'Services talk through events and typed clients in packages/contracts, never by import.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'service-imports-an-app',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^apps/' },
    },
    {
      name: 'gateway-imports-a-service',
      comment: 'The gateway routes and proxies; it knows no service internals.',
      severity: 'error',
      from: { path: '^apps/gateway/' },
      to: { path: '^services/' },
    },
    {
      name: 'host-imports-service-internals',
      comment: 'The server mounts a service through its index only.',
      severity: 'error',
      from: { path: '^apps/server/' },
      to: { path: '^services/[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'platform-imports-upward',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(services|apps)/' },
    },
    {
      name: 'domain-does-io',
      comment: 'domain/ is pure: no database, HTTP or bus.',
      severity: 'error',
      from: { path: '^services/[^/]+/src/domain/' },
      to: {
        path: '(node_modules/(drizzle-orm|fastify|pg|@electric-sql|amqplib|ioredis)/|/db/|/http/|packages/kit/src/(db|bus|http/app|events/outbox))',
      },
    },
    {
      name: 'speed-layer-outside-repositories',
      comment:
        'Prepared statements, deferred writes and the deferred BEGIN are details of a repository (docs/decisions/0024): outside db/ a service calls a named repository method.',
      severity: 'error',
      from: { path: '^(services|apps)/', pathNot: '^services/[^/]+/src/db/' },
      to: { path: '^packages/kit/src/db/(reusable-query|deferred-writes|drizzle-internals|stale-write)\\.ts$' },
    },
    {
      name: 'drizzle-internals-outside-the-fence',
      comment: "Drizzle's private API is reached from one pinned, tested module, used by the kit's database layer only.",
      severity: 'error',
      from: { path: '^', pathNot: '^packages/kit/src/(db/|jobs\\.ts$)' },
      to: { path: '^packages/kit/src/db/drizzle-internals\\.ts$' },
    },
    {
      name: 'events-made-outside-outbound',
      comment:
        'A service maps its integration events in one place (events/outbound.ts): repositories and use cases call its functions and publish what they answer.',
      severity: 'error',
      from: { path: '^services/[^/]+/src/(db|app)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/contracts/src/events/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|/data/|migrations|/dist/)' },
    tsPreCompilationDeps: true,
    preserveSymlinks: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
