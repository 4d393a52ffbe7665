import { describe, expect, it } from 'vitest';
import { mergeOpenApi } from './openapi-merge.ts';

describe('mergeOpenApi', () => {
  it('collects every service path and schema once, keeping the gateway info', () => {
    const merged = mergeOpenApi({ openapi: '3.1.0', info: { title: 'Bazar' }, paths: { '/health': {} } }, [
      { paths: { '/api/v1/me': { get: {} } }, components: { schemas: { User: { type: 'object' }, Problem: { a: 1 } } } },
      { paths: { '/api/v1/products': {} }, components: { schemas: { Problem: { b: 2 } } } },
    ]);
    expect(Object.keys(merged.paths ?? {}).sort()).toEqual(['/api/v1/me', '/api/v1/products', '/health']);
    expect(merged.components?.schemas).toEqual({ User: { type: 'object' }, Problem: { a: 1 } });
    expect(merged.info).toEqual({ title: 'Bazar' });
  });
});
