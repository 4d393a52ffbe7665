import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { declareAmqpTopology, exchangeName } from '@bazar/kit/bus/amqp-bus';
import { loadPlatformConfig } from '@bazar/kit/config';
import { openConfiguredDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';
import { queueBindingsOf } from '@bazar/kit/service';
import { adminCommand } from './admin-command.ts';
import { analyticsCommand } from './analytics-command.ts';
import { dlqCommand } from './dlq-command.ts';
import { startGateway } from './gateway-host.ts';
import { startHost, startHostPatiently } from './host.ts';
import { ledgerCommand } from './ledger-command.ts';
import { readServerConfig } from './server-config.ts';
import { findService, SERVICES } from './services.ts';
import { stockCommand } from './stock-command.ts';
import { superviseWorkers, workerNumber } from './workers.ts';

const USAGE = `bazar <command>
  start              every service in one process (embedded mode), demo data unless BAZAR_DEMO=0
  serve <service>    one service alone against DATABASE_URL and AMQP_URL (or several: cart,catalog) (${SERVICES.map((s) => s.name).join(', ')})
  serve gateway      the public entry: forwards to <SERVICE>_URL (e.g. IDENTITY_URL)
  migrate [service]  apply database migrations (and declare the RabbitMQ exchange and queues when AMQP_URL is set), then exit
  seed               load demo data and exit
  ledger verify      prove every ledger entry balances and every balance equals its postings (exit 1 if not)
  dlq list [service]    events RabbitMQ dead-lettered, per consuming service (exit 1 if any)
  dlq replay [service]  send them back to their service's queue for a fresh set of attempts
  stock verify       prove on hand = sum of movements and reserved = open reservations for every SKU and warehouse (exit 1 if not)
  admin reset-password <email> [--password-stdin]
                     set a new password (from stdin, BAZAR_NEW_PASSWORD, or generated and printed)
  analytics rebuild  rebuild analytics' rollups by replaying its event archive (stop embedded mode first: PGlite is one process's)`;

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, strict: false });
  const [command, arg] = positionals;
  switch (command) {
    case 'start':
      return run({ services: SERVICES, demo: readServerConfig(process.env).BAZAR_DEMO === '1', web: true });
    case 'serve': {
      if (!arg) throw new Error(`serve needs a service name\n${USAGE}`);
      if (arg === 'gateway') {
        const gateway = await startGateway();
        console.log(
          `Bazar gateway at ${gateway.url} → ${[...gateway.upstreams].map(([s, u]) => `${s}=${u}`).join(', ') || 'no services configured'}`,
        );
        return;
      }
      const services = arg.split(',').map(findService);
      // PGlite belongs to one process: a service alone on it would keep its data where no other service sees it.
      if (!loadPlatformConfig().DATABASE_URL) {
        throw new Error(
          `bazar serve ${arg} needs DATABASE_URL (the PostgreSQL every service shares); to run everything in one process on the embedded database, use bazar start`,
        );
      }
      return run({ services, demo: false, title: `Bazar ${arg}` });
    }
    case 'migrate':
      return migrate(arg);
    case 'analytics':
      process.exitCode = await analyticsCommand(arg);
      return;
    case 'dlq':
      process.exitCode = await dlqCommand(arg, positionals[2]);
      return;
    case 'admin':
      process.exitCode = await adminCommand(positionals.slice(1), { passwordFromStdin: values['password-stdin'] === true });
      return;
    case 'ledger':
      process.exitCode = await ledgerCommand(arg);
      return;
    case 'stock':
      process.exitCode = await stockCommand(arg);
      return;
    case 'seed': {
      const host = await startHost({ services: SERVICES, demo: true, listen: false });
      for (const line of [...host.notices, ...(await host.demo)]) console.log(line);
      await host.stop();
      return;
    }
    default:
      console.log(USAGE);
      process.exitCode = command ? 1 : 0;
  }
}

async function run(options: Parameters<typeof startHost>[0]) {
  const { BAZAR_WORKERS: workers } = readServerConfig(process.env);
  if (workers > 1 && !loadPlatformConfig().DATABASE_URL) {
    throw new Error('BAZAR_WORKERS > 1 needs DATABASE_URL: the embedded PGlite database belongs to one process');
  }
  if (superviseWorkers(workers, (line) => console.log(line))) return;
  // Only the first worker loads demo data and prints the start banner.
  const first = workerNumber() === 1;
  const started = Date.now();
  const host = await startHostPatiently(first ? options : { ...options, demo: false });
  if (!first) {
    onSignals(host);
    return;
  }
  const mode = host.platform.DATABASE_URL ? 'PostgreSQL' : `PGlite at ${resolve(host.platform.BAZAR_DATA_DIR)}`;
  const lines = [
    `Bazar is up at ${host.url} in ${Date.now() - started} ms (${options.services.map((s) => s.name).join(', ')})`,
    `  database: ${mode}; events: ${host.bus.kind} bus`,
    ...(options.web ? [`  web app: ${host.url}/`] : []),
    `  API docs: ${host.url}/docs`,
    ...host.notices.map((n) => `  ${n}`),
  ];
  console.log(lines.join('\n'));
  if (options.demo) {
    const demoStarted = Date.now();
    void host.demo.then((notices) =>
      console.log([`Demo data loaded in ${Date.now() - demoStarted} ms`, ...notices.map((n) => `  ${n}`)].join('\n')),
    );
  }
  onSignals(host);
}

function onSignals(host: Awaited<ReturnType<typeof startHost>>) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    host.log.info({ signal }, 'shutting down');
    await host.stop({ graceMs: readServerConfig(process.env).BAZAR_SHUTDOWN_GRACE_MS });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function migrate(only?: string) {
  const platform = loadPlatformConfig();
  const database = await openConfiguredDatabase(platform);
  try {
    for (const service of only ? [findService(only)] : SERVICES) {
      const applied = await migrateService(database, service.name, service.migrationsFolder);
      console.log(`${service.name}: ${applied} migration(s) applied`);
    }
  } finally {
    await database.close();
  }
  if (platform.AMQP_URL) {
    const topology = queueBindingsOf(SERVICES);
    const declared = await declareAmqpTopology({ url: platform.AMQP_URL, prefix: platform.AMQP_PREFIX, topology });
    console.log(`broker: exchange ${exchangeName(platform.AMQP_PREFIX)} and queues of ${topology.map((b) => b.group).join(', ')} declared`);
    if (declared.converted.length > 0) console.log(`broker: classic queues made quorum queues: ${declared.converted.join(', ')}`);
    if (declared.classic.length > 0)
      console.log(
        `broker: classic queues kept (they hold messages or have consumers; start the services to drain them, stop them and migrate again): ${declared.classic.join(', ')}`,
      );
  }
}

// A promise nobody awaited failing (a library's background write on a lost connection) is logged,
// not a reason to stop serving: what was in flight already failed on its own.
process.on('unhandledRejection', (reason) => {
  console.error(
    JSON.stringify({ level: 50, time: Date.now(), msg: 'unhandled rejection', err: String((reason as Error)?.stack ?? reason) }),
  );
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
