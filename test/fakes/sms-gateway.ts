import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  apiId: string;
  to: string;
  msg: string;
  /** When it was accepted (ms since the epoch), for latency measurements. */
  at: number;
}

/**
 * A local SMS gateway speaking SMS.ru's HTTP protocol (`POST /sms/send`, form fields `api_id`,
 * `to`, `msg`, `json=1`; JSON answer per number). It records what it accepted and can be told to
 * be down (5xx) for the next requests, or to refuse a number.
 */
export async function startSmsGateway(options: { apiId?: string } = {}) {
  const received: ReceivedSms[] = [];
  let failNext = 0;
  const refused = new Set<string>();
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || !req.url?.startsWith('/sms/send')) return answer(404, { status: 'ERROR', status_code: 404 });
      if (failNext > 0) {
        failNext--;
        return answer(503, { status: 'ERROR', status_code: 500, status_text: 'service unavailable' });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const apiId = form.get('api_id') ?? '';
      const to = form.get('to') ?? '';
      const msg = form.get('msg') ?? '';
      if (options.apiId && apiId !== options.apiId) return answer(200, { status: 'ERROR', status_code: 200, status_text: 'wrong api_id' });
      if (refused.has(to)) {
        return answer(200, {
          status: 'OK',
          status_code: 100,
          sms: { [to]: { status: 'ERROR', status_code: 202, status_text: 'wrong number' } },
        });
      }
      received.push({ apiId, to, msg, at: Date.now() });
      answer(200, {
        status: 'OK',
        status_code: 100,
        sms: { [to]: { status: 'OK', status_code: 100, sms_id: `sms-${++counter}` } },
        balance: 100,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Answers 503 to the next `n` requests. */
    failNext(n: number) {
      failNext = n;
    },
    refuse(number: string) {
      refused.add(number);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
