import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import identity from '@bazar/identity';
import { newId } from '@bazar/kit/ids';
import { createTestPostgresDatabase, testEngine } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from './host.ts';

const dashboard = JSON.parse(readFileSync(new URL('../../../deploy/grafana/bazar-dashboard.json', import.meta.url), 'utf8')) as {
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
};

let host: RunningHost;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const env: Record<string, string> = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    BAZAR_ADMIN_PASSWORD: 'metrics-admin-1',
  };
  if (testEngine() === 'postgres') {
    const database = await createTestPostgresDatabase();
    env.DATABASE_URL = database.url;
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bazar-metrics-'));
    env.BAZAR_DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  host = await startHost({ services: [identity], env, demo: false });
}, 180_000);
afterAll(async () => {
  await host?.stop();
  await cleanup?.();
});

const scrape = async () => (await fetch(`${host.url}/metrics`)).text();
/** The value of one sample line, e.g. `name{a="b"}`; undefined when absent. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics of a service process', () => {
  it('exports every metric the Grafana dashboard charts', async () => {
    const text = await scrape();
    const exported = new Set([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => m[1]));
    const charts = dashboard.panels.filter((p) => p.type !== 'row');
    expect(charts.length).toBeGreaterThan(10);
    for (const panel of charts) {
      const names = (panel.targets ?? []).flatMap((t) => [...t.expr.matchAll(/\bbazar_[a-z0-9_]+/g)].map((m) => m[0]));
      expect(names.length, panel.title).toBeGreaterThan(0);
      for (const name of names) expect(exported, `${panel.title}: ${name}`).toContain(name.replace(/_(bucket|count|sum)$/, ''));
    }
  });

  it('counts requests per route and status, errors included', async () => {
    const before = await scrape();
    const ok = 'bazar_http_request_duration_seconds_count{method="GET",route="/health",status="200"}';
    const bad = 'bazar_http_request_duration_seconds_count{method="POST",route="/api/v1/auth/login",status="400"}';
    await fetch(`${host.url}/health`);
    await fetch(`${host.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const after = await scrape();
    expect(sample(after, ok)).toBe((sample(before, ok) ?? 0) + 1);
    expect(sample(after, bad)).toBe((sample(before, bad) ?? 0) + 1);
  });

  it('reports the outbox backlog and its oldest age, then the events published', async () => {
    const id = newId();
    const envelope = {
      id,
      type: 'test.metrics_probe',
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'identity',
      correlationId: id,
      data: {},
    };
    // Leased to a relay that is gone, so no relay pass takes it until the lease is lifted below.
    await host.database.query(
      `INSERT INTO identity.outbox (id, type, envelope, created_at, lease_until)
       VALUES ($1, $2, $3, now() - interval '90 seconds', now() + interval '1 hour')`,
      [id, envelope.type, JSON.stringify(envelope)],
    );
    const pending = await scrape();
    expect(sample(pending, 'bazar_outbox_pending_events{service="identity"}')).toBeGreaterThanOrEqual(1);
    expect(sample(pending, 'bazar_outbox_oldest_pending_age_seconds{service="identity"}')).toBeGreaterThanOrEqual(90);
    const published = sample(pending, 'bazar_outbox_published_total{service="identity"}') ?? 0;

    await host.database.query('UPDATE identity.outbox SET lease_until = NULL WHERE id = $1', [id]);
    await host.services[0]?.relay.drain();
    // The relay's own loop may have leased the row first and still be publishing it: wait for it.
    await expect.poll(async () => sample(await scrape(), 'bazar_outbox_pending_events{service="identity"}'), { timeout: 10_000 }).toBe(0);
    const drained = await scrape();
    expect(sample(drained, 'bazar_outbox_pending_events{service="identity"}')).toBe(0);
    expect(sample(drained, 'bazar_outbox_oldest_pending_age_seconds{service="identity"}')).toBe(0);
    expect(sample(drained, 'bazar_outbox_published_total{service="identity"}')).toBeGreaterThanOrEqual(published + 1);
  });
});
