import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Clients } from './clients.ts';
import type { PlatformConfig } from './config.ts';
import type { Counters } from './counters.ts';
import type { Database, Db } from './db/database.ts';
import type { InboxTable, OutboxTable } from './db/platform-tables.ts';
import type { EventHandler } from './events/inbox.ts';
import type { UnitOfWork } from './events/outbox.ts';
import type { HttpApp } from './http/app.ts';
import type { AuthGuards, TokenVerifier } from './http/auth.ts';
import type { Clock, Ids } from './ids.ts';
import type { JobDefinition, Jobs } from './jobs.ts';

/** What the host hands a service; the same in embedded and distributed mode. */
export interface ServiceDeps {
  name: string;
  db: Db;
  database: Database;
  log: Logger;
  clock: Clock;
  ids: Ids;
  /** Runs work in one transaction with an outbox bound to it. */
  uow: UnitOfWork;
  auth: AuthGuards;
  /** preHandler for `/internal/v1/*` routes that only other services may call. */
  internal: (request: FastifyRequest) => Promise<void>;
  /** Synchronous calls to other services (in-process or HTTP, the service does not know). */
  clients: Clients;
  verifier: TokenVerifier;
  counters: Counters;
  /** pg-boss queue shared by the process; enqueue with `{ tx }` to tie a job to a transaction. */
  jobs: Jobs;
  platform: PlatformConfig;
  env: Record<string, string | undefined>;
}

export interface ServiceStartResult {
  /** Lines the host prints at start-up (e.g. the generated admin login). */
  notices?: string[];
}

/** A service as the host mounts it (STYLE: src/index.ts). */
export interface ServiceDefinition {
  name: string;
  migrationsFolder: string;
  tables: { outbox: OutboxTable; inbox: InboxTable };
  routes?(app: HttpApp, deps: ServiceDeps): void | Promise<void>;
  /**
   * The events the service's handlers take, known without starting it: every process declares
   * each service's queue from these lists, so events published before the service first runs wait for it.
   */
  subscribes?: readonly { readonly key: string }[];
  handlers?(deps: ServiceDeps): EventHandler[];
  /** Scheduled and on-demand jobs; queues are named `<service>.<what_it_does>`. */
  jobs?(deps: ServiceDeps): JobDefinition[];
  /** Runs after migrations, before the HTTP server listens. */
  start?(deps: ServiceDeps): Promise<ServiceStartResult | undefined>;
  /** Loads demo data; must be idempotent (the host calls it at every start unless BAZAR_DEMO=0). */
  seedDemo?(deps: ServiceDeps): Promise<ServiceStartResult | undefined>;
  stop?(deps: ServiceDeps): Promise<void>;
}

/**
 * A service written against its own context: `context` builds it once per mounted instance (its
 * config, clients, caches), and every hook gets that context instead of the host's deps.
 */
export interface ServiceSpec<C extends { deps: ServiceDeps }> {
  name: string;
  migrationsFolder: string;
  tables: { outbox: OutboxTable; inbox: InboxTable };
  subscribes?: readonly { readonly key: string }[];
  context(deps: ServiceDeps): C;
  routes?(app: HttpApp, ctx: C): void | Promise<void>;
  handlers?(ctx: C): EventHandler[];
  jobs?(ctx: C): JobDefinition[];
  start?(ctx: C): Promise<ServiceStartResult | undefined>;
  seedDemo?(ctx: C): Promise<ServiceStartResult | undefined>;
  /** Runs only when the context was built: a service never mounted has nothing to stop. */
  stop?(ctx: C): Promise<void>;
}

/** Declares a service: hooks taking the host's deps as they are, or (with `context`) the service's own context. */
export function defineService<C extends { deps: ServiceDeps }>(spec: ServiceSpec<C>): ServiceDefinition;
export function defineService(definition: ServiceDefinition): ServiceDefinition;
export function defineService<C extends { deps: ServiceDeps }>(spec: ServiceDefinition | ServiceSpec<C>): ServiceDefinition {
  if (!('context' in spec)) return spec;
  const { context, routes, handlers, jobs, start, seedDemo, stop, ...definition } = spec;
  const contexts = new WeakMap<ServiceDeps, C>();
  const contextOf = (deps: ServiceDeps): C => {
    let ctx = contexts.get(deps);
    if (ctx === undefined) {
      ctx = context(deps);
      contexts.set(deps, ctx);
    }
    return ctx;
  };
  return {
    ...definition,
    ...(routes ? { routes: (app: HttpApp, deps: ServiceDeps) => routes(app, contextOf(deps)) } : {}),
    ...(handlers ? { handlers: (deps: ServiceDeps) => handlers(contextOf(deps)) } : {}),
    ...(jobs ? { jobs: (deps: ServiceDeps) => jobs(contextOf(deps)) } : {}),
    ...(start ? { start: (deps: ServiceDeps) => start(contextOf(deps)) } : {}),
    ...(seedDemo ? { seedDemo: (deps: ServiceDeps) => seedDemo(contextOf(deps)) } : {}),
    ...(stop
      ? {
          stop: async (deps: ServiceDeps) => {
            const ctx = contexts.get(deps);
            if (ctx !== undefined) await stop(ctx);
          },
        }
      : {}),
  };
}

/** The queue each consuming service needs on the broker, with the keys bound to it. */
export const queueBindingsOf = (services: readonly ServiceDefinition[]) =>
  services
    .filter((s) => (s.subscribes?.length ?? 0) > 0)
    .map((s) => ({ group: s.name, keys: [...new Set((s.subscribes ?? []).map((e) => e.key))] }));
