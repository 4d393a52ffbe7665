import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The real sample bytes: windows-1251, decimal commas, Nominal > 1. */
export const SAMPLE_BYTES = readFileSync(new URL('./fixtures/cbr-daily-2026-11-21.xml', import.meta.url));

export type ProviderMode = 'sample' | 'http_error' | 'stall' | 'malformed' | 'html' | 'changed';

/** A local stand-in for cbr.ru that answers according to `mode`, counting requests. */
export interface FakeProvider {
  url: string;
  mode: ProviderMode;
  requests: number;
  close(): Promise<void>;
}

export async function startFakeProvider(): Promise<FakeProvider> {
  const stalled = new Set<ServerResponse>();
  const state = { mode: 'sample' as ProviderMode, requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    const xml = (body: Buffer | string) => {
      res.writeHead(200, { 'content-type': 'application/xml; charset=windows-1251' });
      res.end(body);
    };
    switch (state.mode) {
      case 'sample':
        return xml(SAMPLE_BYTES);
      case 'changed':
        // The same file a day later with a new dollar rate (ASCII edit keeps the windows-1251 bytes valid).
        return xml(Buffer.from(SAMPLE_BYTES.toString('latin1').replace('<Value>80,1234</Value>', '<Value>81,0000</Value>'), 'latin1'));
      case 'http_error':
        res.writeHead(500, { 'content-type': 'text/plain' });
        return res.end('internal error');
      case 'malformed':
        return xml('<?xml version="1.0" encoding="windows-1251"?><ValCurs Date="21.11.2026"><Valute><CharCode>USD</CharCode>');
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<html><body>Service temporarily unavailable</body></html>');
      case 'stall':
        stalled.add(res);
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/scripts/XML_daily.asp`,
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    get requests() {
      return state.requests;
    },
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
