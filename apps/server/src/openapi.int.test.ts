import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEngine } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from './host.ts';
import { SERVICES } from './services.ts';

interface Operation {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: { default?: unknown } }[];
  requestBody?: unknown;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

// The document is the same on either engine: it is built once, on PGlite.
describe.skipIf(testEngine() === 'postgres')('/openapi.json of every service', () => {
  let host: RunningHost;
  let dataDir: string;
  let doc: Document;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => ({ name: `${m.toUpperCase()} ${path}`, op })));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bazar-openapi-'));
    host = await startHost({
      services: SERVICES,
      env: { BAZAR_DATA_DIR: dataDir, DATABASE_URL: '', AMQP_URL: '', LOG_LEVEL: 'silent' },
      demo: false,
      listen: false,
    });
    doc = (await host.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Document;
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives every operation a summary and a description', () => {
    expect(operations().length).toBeGreaterThan(50);
    const undocumented = operations()
      .filter(({ op }) => !op.summary?.trim() || !op.description?.trim())
      .map(({ name }) => name);
    expect(undocumented).toEqual([]);
  });

  it('shows an example in every operation (its parameters, body or responses, or the schemas they refer to)', () => {
    const withReferred = (value: unknown, seen = new Set<string>()): string => {
      let text = JSON.stringify(value);
      for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
        if (name && !seen.has(name)) {
          seen.add(name);
          text += withReferred(doc.components.schemas[name], seen);
        }
      }
      return text;
    };
    const bare = operations()
      .filter(({ op }) => !/"examples?":/.test(withReferred(op)))
      .map(({ name }) => name);
    expect(bare).toEqual([]);
  });

  it('marks no parameter with a default as required, and lets carts be used without a token', () => {
    const requiredWithDefault = operations().flatMap(({ name, op }) =>
      (op.parameters ?? []).filter((p) => p.required && p.schema?.default !== undefined).map((p) => `${name} ${p.name}`),
    );
    expect(requiredWithDefault).toEqual([]);
    const orders = doc.paths['/api/v1/orders']?.get;
    expect(orders?.parameters?.find((p) => p.name === 'limit')?.required).not.toBe(true);
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/v1/carts')))
      for (const [method, op] of Object.entries(ops)) expect(op.security, `${method} ${path}`).toContainEqual({});
    expect(doc.paths['/api/v1/checkout']?.post?.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/products']?.get?.security).toBeUndefined();
  });

  it('names the test card tokens on the checkout payment field', () => {
    const body = JSON.stringify(doc.paths['/api/v1/checkout']?.post?.requestBody);
    for (const token of ['tok_success', 'tok_decline', 'tok_3ds']) expect(body).toContain(token);
  });
});
