#!/usr/bin/env node
// CI runs against servers that earlier runs on the same machine used. Before the suites start it
// removes what interrupted test runs leave behind (queues and exchanges under test prefixes,
// bazar_test_* databases), refuses a broker under a resource alarm, and prints the machine's load
// so a slow run can be told from a busy machine.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import amqp from 'amqplib';
import pg from 'pg';

const amqpUrl = process.env.TEST_AMQP_URL ?? process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Installations name their queues `<prefix>.<service>`; only the shop's own default prefix is kept.
const KEEP = /^(bazar\.|amq\.|$)/;

function rabbitmqctl(...args) {
  try {
    return execFileSync('rabbitmqctl', ['-q', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch {
    return undefined;
  }
}

async function cleanBroker() {
  const alarms = rabbitmqctl('eval', 'rabbit_alarm:get_alarms().');
  if (alarms !== undefined && alarms.trim() !== '[]') {
    console.error(`error: RabbitMQ reports resource alarms, publishers would block: ${alarms.trim()}`);
    process.exitCode = 1;
  }
  const listed = rabbitmqctl('list_queues', '--no-table-headers', 'name');
  const exchanges = rabbitmqctl('list_exchanges', '--no-table-headers', 'name');
  if (listed === undefined || exchanges === undefined) {
    console.log('broker: rabbitmqctl is not available here; leftover test queues are not removed');
    return;
  }
  const names = (text) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((name) => !KEEP.test(name));
  const queues = names(listed);
  const leftExchanges = names(exchanges);
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.deleteQueue(queue);
    for (const exchange of leftExchanges) await channel.deleteExchange(exchange);
  } finally {
    await connection.close();
  }
  console.log(`broker: removed ${queues.length} leftover test queues and ${leftExchanges.length} exchanges`);
}

async function cleanDatabases() {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'bazar\\_test\\_%'");
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    const { rows: sessions } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity');
    console.log(`postgres: removed ${rows.length} leftover test databases; ${sessions[0].n} sessions open`);
  } finally {
    await client.end();
  }
}

await cleanBroker();
await cleanDatabases();
const [one, five] = loadavg();
console.log(`load average: ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`);
if (five > 1.5) {
  // A busy machine makes latency assertions and hook timeouts fail; name what is using it.
  console.log(execFileSync('ps', ['-eo', 'pid,pcpu,etime,args', '--sort=-pcpu'], { encoding: 'utf8' }).split('\n').slice(0, 12).join('\n'));
}
